// What the configuration route handlers share: the same-origin check on changes, the JSON body,
// and one mapping of refusals to answers in the API's one error shape (lib/api/api-error.ts).
import { apiError } from "@/lib/api/api-error";
import { refusalAnswer, unexpectedAnswer } from "@/lib/api/refusals";
import { ConfigValidationError } from "./config-schemas";

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
    if (error instanceof ConfigValidationError) return apiError(400, "invalid_input", error.message, { field: error.field });
    if (error instanceof CrossOriginError) return apiError(403, "cross_origin", error.message);
    return refusalAnswer(error) ?? unexpectedAnswer(error, "Audit configuration request");
  }
}
