import { describe, expect, it } from "vitest";
import { refuseMalformedServerAction } from "./server-action-guard";

const PAGE = "http://console.test:3000/audit/config";

/** A server action POST as the browser sends it; a FormData body brings its own multipart content type. */
function action(body: BodyInit | null, headers: Record<string, string> = {}): Request {
  const text: Record<string, string> = typeof body === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {};
  return new Request(PAGE, {
    method: "POST",
    body,
    headers: { host: "console.test:3000", origin: "http://console.test:3000", "next-action": "7f3a", ...text, ...headers },
  });
}

async function answer(request: Request): Promise<{ status: number; body: unknown } | undefined> {
  const response = await refuseMalformedServerAction(request);
  return response && { status: response.status, body: await response.json() };
}

describe("refuseMalformedServerAction", () => {
  it("lets encodeReply's bodies through, and leaves the body for Next", async () => {
    const request = action('[{"days":90},"$$1"]');
    expect(await refuseMalformedServerAction(request)).toBeUndefined();
    expect(await request.text()).toBe('[{"days":90},"$$1"]');
    const form = new FormData();
    form.set("0", '["$K1"]');
    form.set("1_days", "90");
    expect(await refuseMalformedServerAction(action(form))).toBeUndefined();
  });

  it("leaves requests that are not server actions alone, but for a form POST that does not parse", async () => {
    expect(await refuseMalformedServerAction(new Request(PAGE, { method: "POST", body: "not json" }))).toBeUndefined();
    const form = new FormData();
    form.set("q", "1");
    expect(await refuseMalformedServerAction(new Request(PAGE, { method: "POST", body: form }))).toBeUndefined();
    const broken = new Request(PAGE, { method: "POST", body: '{"a":1}', headers: { "content-type": "multipart/form-data; boundary=x" } });
    expect((await refuseMalformedServerAction(broken))?.status).toBe(400);
    expect(await refuseMalformedServerAction(new Request(PAGE, { headers: { "next-action": "7f3a" } }))).toBeUndefined();
  });

  it("lets encodeReply's own $ values through: escaped strings, dates, big integers, undefined", async () => {
    const body = JSON.stringify([{ note: "$$where", at: "$D2026-11-28T08:00:00.000Z", big: "$n9007199254740993", none: "$undefined" }, ["$NaN", "$-0", "$T1"]]);
    expect(await refuseMalformedServerAction(action(body))).toBeUndefined();
  });

  it.each(["", "not json", "[", "null", '{"0":1}', '"text"', '["$Q0"]', '["$h"]', '[{"a":["$@1"]}]', '["$where"]', '["$nabc"]'])(
    "refuses the body %j with 400 naming the body",
    async (body) => {
      expect(await answer(action(body))).toEqual({
        status: 400,
        body: { error: { code: "BAD_ACTION_BODY", message: "The server action's body must be a JSON array of arguments.", field: "body" } },
      });
    },
  );

  it("refuses multipart bodies without the arguments' root, or that do not parse", async () => {
    const form = new FormData();
    form.set("1", "x");
    expect((await answer(action(form)))?.status).toBe(400);
    const broken = await answer(action("--x\r\nnonsense", { "content-type": "multipart/form-data; boundary=x" }));
    expect(broken).toEqual({
      status: 400,
      body: { error: { code: "BAD_ACTION_BODY", message: "The server action's body is not valid multipart form data.", field: "body" } },
    });
  });

  it("refuses another site's Origin with 403, and an Origin that is no URL with 400", async () => {
    expect(await answer(action("[]", { origin: "http://console.test.evil.example:3000" }))).toEqual({
      status: 403,
      body: { error: { code: "FOREIGN_ORIGIN", message: "Server actions are accepted from this site's own pages only.", field: "Origin" } },
    });
    expect((await answer(action("[]", { origin: "null" })))?.status).toBe(403);
    // new URL() throws on it: the port is not a number.
    expect((await answer(action("[]", { origin: "http://console.test:3000.evil.example" })))?.status).toBe(400);
  });

  it("compares the Origin with x-forwarded-host's first value where a reverse proxy sets it, as Next does", async () => {
    const behindProxy = { origin: "https://audit.example.com", "x-forwarded-host": "audit.example.com, internal:3000" };
    expect(await refuseMalformedServerAction(action("[]", behindProxy))).toBeUndefined();
    expect((await answer(action("[]", { origin: "https://audit.example.com" })))?.status).toBe(403);
  });
});
