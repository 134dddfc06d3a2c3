import { describe, expect, it } from "vitest";
import { refuseBadAuthRequest } from "./next-auth-guard";

const BASE = "http://console.test:3000/api/auth";

async function answer(request: Request, segments: string[]): Promise<{ status: number; body: unknown } | undefined> {
  const response = await refuseBadAuthRequest(request, segments);
  return response && { status: response.status, body: await response.json() };
}

describe("refuseBadAuthRequest", () => {
  it("hands the sign-in page's own requests on to next-auth, the body left unread", async () => {
    expect(await refuseBadAuthRequest(new Request(`${BASE}/csrf`), ["csrf"])).toBeUndefined();
    expect(await refuseBadAuthRequest(new Request(`${BASE}/session`), ["session"])).toBeUndefined();
    const form = new Request(`${BASE}/callback/credentials`, {
      method: "POST",
      body: new URLSearchParams({ csrfToken: "t", username: "admin", password: "x" }),
    });
    expect(await refuseBadAuthRequest(form, ["callback", "credentials"])).toBeUndefined();
    expect(await form.text()).toBe("csrfToken=t&username=admin&password=x");
    const json = new Request(`${BASE}/signout?callbackUrl=%2Flogin%3FsignedOut%3D1`, {
      method: "POST",
      body: '{"csrfToken":"t"}',
      headers: { "content-type": "application/json" },
    });
    expect(await refuseBadAuthRequest(json, ["signout"])).toBeUndefined();
    expect(await refuseBadAuthRequest(new Request(`${BASE}/signin?callbackUrl=https://elsewhere.example/`), ["signin"])).toBeUndefined();
  });

  it.each(["http://localhost:3800.evil.example/", "evil.example", "1,2,3", "javascript:alert(1)", "\uD800"])(
    "refuses the callbackUrl %j with 400 naming it",
    async (callbackUrl) => {
      const request = new Request(`${BASE}/session?${new URLSearchParams({ callbackUrl })}`);
      expect(await answer(request, ["session"])).toEqual({
        status: 400,
        body: { error: { code: "BAD_CALLBACK_URL", message: "callbackUrl must be a path of this site.", field: "callbackUrl" } },
      });
    },
  );

  it("refuses a callback-url cookie next-auth would throw on", async () => {
    const request = new Request(`${BASE}/csrf`, { headers: { cookie: "a=b; next-auth.callback-url=not%20a%20url" } });
    expect((await answer(request, ["csrf"]))?.body).toEqual({
      error: { code: "BAD_CALLBACK_URL", message: "The callback-url cookie must hold a path of this site.", field: "callback-url cookie" },
    });
  });

  it.each(["", "not json", "[", "null", "[1]", '"text"', '{"callbackUrl":-1}', '{"csrfToken":["a","b"]}'])(
    "refuses the JSON body %j with 400",
    async (body) => {
      const request = new Request(`${BASE}/callback/credentials`, { method: "POST", body, headers: { "content-type": "application/json" } });
      expect(await answer(request, ["callback", "credentials"])).toEqual({
        status: 400,
        body: {
          error: { code: "BAD_BODY", message: "The body must be a JSON object of strings, or a form (application/x-www-form-urlencoded).", field: "body" },
        },
      });
    },
  );

  it("refuses an error parameter that is not an error code", async () => {
    expect(await refuseBadAuthRequest(new Request(`${BASE}/error?error=CredentialsSignin`), ["error"])).toBeUndefined();
    expect(await answer(new Request(`${BASE}/error?error=%F0%9D%98%8A`), ["error"])).toEqual({
      status: 400,
      body: { error: { code: "BAD_ERROR_CODE", message: "error must be one of next-auth's error codes, such as CredentialsSignin.", field: "error" } },
    });
    expect((await answer(new Request(`${BASE}/error?error=${"9".repeat(300)}`), ["error"]))?.status).toBe(400);
  });

  it("answers 404 for what next-auth does not do, and 405 for other methods", async () => {
    expect(await answer(new Request(`${BASE}/callback/credentials`), ["callback", "credentials"])).toEqual({
      status: 404,
      body: { error: { code: "NOT_FOUND", message: "There is no GET /api/auth/callback." } },
    });
    expect((await answer(new Request(`${BASE}/csrf`, { method: "POST" }), ["csrf"]))?.status).toBe(404);
    expect((await answer(new Request(`${BASE}/session`, { method: "PUT" }), ["session"]))?.status).toBe(405);
  });
});
