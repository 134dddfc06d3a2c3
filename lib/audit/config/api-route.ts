// What the configuration route handlers share: the same-origin check on changes, the JSON body,
// and one mapping of refusals to answers: 400 { error: { field, message } }, 401/403 from the guard.
import { AuthError, authErrorResponse } from "@/lib/auth/guard";
import { ConfigValidationError } from "./config-schemas";

/** 400 with the field in error, the shape every configuration endpoint answers bad input with. */
export function badRequest(field: string, message: string): Response {
  return Response.json({ error: { field, message } }, { status: 400 });
}

export class CrossOriginError extends Error {
  constructor() {
    super("Refused: this request comes from another site. Change the configuration from the Audit Console itself or from a client that sends no Origin header.");
    this.name = "CrossOriginError";
  }
}

function hostOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/**
 * Route handlers get no CSRF protection of their own (server actions compare Origin with Host).
 * A browser sends Origin with every PUT, and Sec-Fetch-Site where it supports it: both must say
 * same origin. A request without Origin comes from a non-browser client (curl, a script): it
 * passes, since a cross-site page cannot make a browser leave Origin out of a PUT.
 */
export function isSameOrigin(request: Request): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return false;
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  const originHost = hostOf(origin);
  if (!originHost) return false;
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const hosts = [forwarded, request.headers.get("host"), hostOf(request.url), hostOf(process.env.NEXTAUTH_URL)];
  return hosts.some((host) => host && host === originHost);
}

export function assertSameOrigin(request: Request): void {
  if (!isSameOrigin(request)) throw new CrossOriginError();
}

/** The request's JSON body, or a ConfigValidationError on `body`. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) throw new ConfigValidationError("body", "body: is empty; send a JSON object");
  try {
    return JSON.parse(text);
  } catch {
    throw new ConfigValidationError("body", "body: is not valid JSON");
  }
}

/** Runs a handler and turns the console's refusals into their answers; anything else is a 500. */
export async function answer(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ConfigValidationError) return badRequest(error.field, error.message);
    if (error instanceof AuthError) return authErrorResponse(error);
    if (error instanceof CrossOriginError) return Response.json({ error: error.message }, { status: 403 });
    console.error("Audit configuration request failed:", error);
    return Response.json({ error: "The server could not complete the request. Try again; if it keeps failing, check the server log." }, { status: 500 });
  }
}
