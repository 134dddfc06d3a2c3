import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { apiRoute } from "./api-route";
import { InputError } from "./input-error";
import { resetRateLimits } from "./rate-limit";

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

const ADMIN: Principal = { userId: 1, username: "ada", displayName: "Ada", role: "ADMIN", sessionId: null };
const AUDITOR: Principal = { ...ADMIN, userId: 2, username: "audrey", role: "AUDITOR" };
const URL_OF = "http://console.test/api/thing";

const seen: unknown[] = [];
const route = apiRoute({
  GET: {
    role: "reader",
    action: "Reading the thing",
    handle: async ({ principal }) => Response.json({ reader: principal.username }, { headers: { "X-Thing": "1" } }),
  },
  PUT: {
    role: "admin",
    action: "Changing the thing",
    body: z.object({ period: z.object({ days: z.number().int().min(30, "at least 30") }) }),
    labels: { "period.days": "Retention period (days)" },
    async handle({ body }) {
      seen.push(body);
      if (body.period.days === 99) throw new InputError("period.days", "Retention period (days): not 99");
      if (body.period.days === 77) throw new Error("database on fire at /secret/path");
      return Response.json({ saved: body.period.days });
    },
  },
});

const put = (body: string, headers: Record<string, string> = {}) =>
  new Request(URL_OF, { method: "PUT", body, headers: { "content-type": "application/json", ...headers } });

describe("a route declared through apiRoute", () => {
  it("checks the role before anything else, naming what was refused", async () => {
    const anonymous = await route.GET(new Request(URL_OF));
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: "unauthenticated", message: "Sign in to use the Audit Console." } });
    const auditor = await runAs(AUDITOR, () => route.PUT(put('{"period":{"days":40}}')));
    expect(auditor.status).toBe(403);
    expect(await auditor.json()).toEqual({
      error: { code: "forbidden", message: "Changing the thing needs the Administrator role. You are signed in as audrey (Auditor)." },
    });
    expect(await (await runAs(AUDITOR, () => route.GET(new Request(URL_OF)))).json()).toEqual({ reader: "audrey" });
    expect(seen).toEqual([]);
  });

  it("validates the body with its schema and names the field", async () => {
    const cases: Array<[string, string, string]> = [
      ["", "body", "body: is empty; send a JSON object"],
      ["{oops", "body", "body: is not valid JSON"],
      ['{"period":{"days":3}}', "period.days", "Retention period (days): at least 30"],
      ['{"period":{}}', "period.days", expect.stringMatching(/^Retention period \(days\): /) as unknown as string],
      ['{"period":{"days":99}}', "period.days", "Retention period (days): not 99"],
    ];
    for (const [body, field, message] of cases) {
      const answer = await runAs(ADMIN, () => route.PUT(put(body)));
      expect(answer.status, body).toBe(400);
      expect(await answer.json()).toEqual({ error: { code: "invalid_input", field, message } });
    }
    expect(await (await runAs(ADMIN, () => route.PUT(put('{"period":{"days":40}}')))).json()).toEqual({ saved: 40 });
  });

  it("refuses a change from another site, before it looks at the session", async () => {
    for (const headers of [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }] as Record<string, string>[]) {
      const answer = await runAs(ADMIN, () => route.PUT(put('{"period":{"days":40}}', headers)));
      expect(answer.status).toBe(403);
      expect((await answer.json()).error.code).toBe("cross_origin");
    }
  });

  it("answers HEAD like GET without a body, and an undeclared method 405 in the one shape", async () => {
    const head = await runAs(AUDITOR, () => route.HEAD(new Request(URL_OF, { method: "HEAD" })));
    expect([head.status, head.headers.get("X-Thing"), await head.text()]).toEqual([200, "1", ""]);
    const post = await runAs(ADMIN, () => route.POST(new Request(URL_OF, { method: "POST" })));
    expect(post.status).toBe(405);
    expect(post.headers.get("Allow")).toBe("GET, PUT, HEAD");
    expect(await post.json()).toEqual({ error: { code: "method_not_allowed", message: "POST is not allowed here; use GET or PUT or HEAD." } });
  });

  it("counts each signed-in user's calls and refuses past API_RATE_LIMIT a minute with 429 and Retry-After, before the handler", async () => {
    resetRateLimits();
    vi.stubEnv("API_RATE_LIMIT", "3");
    try {
      for (let call = 0; call < 5; call += 1) expect((await route.GET(new Request(URL_OF))).status).toBe(401);
      for (let call = 0; call < 2; call += 1) expect((await runAs(ADMIN, () => route.GET(new Request(URL_OF)))).status).toBe(200);
      expect((await runAs(ADMIN, () => route.PUT(put('{"period":{"days":40}}')))).status).toBe(200);
      const before = seen.length;
      const refused = await runAs(ADMIN, () => route.PUT(put('{"period":{"days":41}}')));
      expect(refused.status).toBe(429);
      expect(refused.headers.get("Retry-After")).toBe("20");
      expect(await refused.json()).toEqual({
        error: { code: "rate_limited", message: "Too many requests: at most 3 a minute per user. Try again in 20 s." },
      });
      expect(seen.length).toBe(before);
      expect((await runAs(AUDITOR, () => route.GET(new Request(URL_OF)))).status).toBe(200);
    } finally {
      vi.unstubAllEnvs();
      resetRateLimits();
    }
  });

  it("answers an unexpected failure 500 without its details", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const answer = await runAs(ADMIN, () => route.PUT(put('{"period":{"days":77}}')));
    expect(answer.status).toBe(500);
    const text = await answer.text();
    expect(text).not.toContain("secret");
    expect(JSON.parse(text).error.code).toBe("internal_error");
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });
});
