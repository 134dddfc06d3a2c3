// Every route handler of the console's API is declared through apiRoute: per method, the role it
// needs, what it does (for the refusal), and the zod schema of its JSON body. The wrapper refuses a
// change from another site, checks the caller before anything else (a console session, or an API
// token sent as Bearer or as the password of Basic), counts the call against the caller's rate limit
// (rate-limit.ts), reads and validates the body, and turns every refusal into the one error shape
// (api-error.ts). A method the route does not declare answers 405
// in that shape, not Next's empty one.
import type { z } from "zod";
import { authenticateToken, requireScope, type TokenCaller, tokenPrincipal } from "@/lib/auth/api-tokens/api-tokens";
import { credentialsOf } from "@/lib/auth/api-tokens/token-secret";
import { AuthError, getViewer, requireAdmin, requireAuditReader } from "@/lib/auth/guard";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { clientIp } from "@/lib/auth/request-info";
import { apiError } from "./api-error";
import { InputError, inputError } from "./input-error";
import { accountCaller, type RateCaller, takeRequest } from "./rate-limit";
import { refusalAnswer, unexpectedAnswer } from "./refusals";

/**
 * Who may call: audit readers (administrators, auditors, API tokens with the read scope),
 * administrators only (signed in: never a token), or API tokens with the ingest scope only.
 */
export type ApiRole = "reader" | "admin" | "ingest";

export interface ApiCall<Body> {
  request: Request;
  /** the signed-in user, or an API token as a reader (tokenPrincipal) */
  principal: Principal;
  /** the API token the call came with; null for a console session */
  token: TokenCaller | null;
  /** the JSON body, validated; undefined for a method that declares none */
  body: Body;
  /** the route's dynamic segments */
  params: Record<string, string | string[]>;
}

export interface ApiMethod<Body = undefined> {
  role: ApiRole;
  /** what the call does, as a refusal names it: "Changing the audit retention" */
  action: string;
  /** the JSON body's schema; a method with a body is a change, refused from other sites */
  body?: z.ZodType<Body>;
  /** labels of the body's fields, for messages: { "period.days": "Retention period (days)" } */
  labels?: Record<string, string>;
  handle(call: ApiCall<Body>): Promise<Response>;
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

type RouteContext = { params: Promise<Record<string, string | string[]>> };
export type RouteHandler = (request: Request, context?: RouteContext) => Promise<Response>;

class CrossOriginError extends Error {
  constructor() {
    super("Refused: this request comes from another site. Make the change from the Audit Console itself or from a client that sends no Origin header.");
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
 * A browser sends Origin with every change, and Sec-Fetch-Site where it supports it: both must say
 * same origin. A request without Origin comes from a non-browser client (curl, a script): it passes,
 * since a cross-site page cannot make a browser leave Origin out of a PUT.
 */
function isSameOrigin(request: Request): boolean {
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

/** The request's JSON body, or an InputError on `body`. */
async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) throw new InputError("body", "body: is empty; send a JSON object");
  try {
    return JSON.parse(text);
  } catch {
    throw new InputError("body", "body: is not valid JSON");
  }
}

const READ_ONLY_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The caller: a token when the request carries one (never falling back to the session), else the session. */
async function callerOf(request: Request, method: ApiMethod<unknown>): Promise<{ principal: Principal; token: TokenCaller | null }> {
  const credentials = credentialsOf(request.headers.get("authorization"));
  if (credentials.kind === "malformed") throw new AuthError(401, `The Authorization header is not usable: ${credentials.reason}.`);
  if (credentials.kind === "token") {
    const token = await authenticateToken(credentials.secret, clientIp(request.headers));
    if (method.role === "admin") {
      throw new AuthError(403, `${method.action} needs an administrator signed in to the console; an API token may only send events or read.`);
    }
    requireScope(token, method.role === "ingest" ? "ingest" : "read", method.action);
    return { principal: tokenPrincipal(token), token };
  }
  if (method.role === "ingest") {
    const needed = `${method.action} needs an API token with the ingest scope, sent as "Authorization: Bearer <token>" or as the password of HTTP Basic`;
    // Signed in, but a session is not what this route takes: refused (403), not unknown (401).
    if ((await getViewer()).kind !== "anonymous") throw new AuthError(403, `${needed}; a console session cannot send events.`);
    throw new AuthError(401, `${needed}.`);
  }
  const principal = await (method.role === "admin" ? requireAdmin(method.action) : requireAuditReader(method.action));
  return { principal, token: null };
}

/** Whose budget a call spends: its token's, else the signed-in account's. */
function rateCallerOf(principal: Principal, token: TokenCaller | null): RateCaller {
  return token ? `token:${token.id}` : accountCaller(principal);
}

function run<Body>(method: ApiMethod<Body>): RouteHandler {
  return async (request, context) => {
    try {
      // Basic credentials a browser remembers travel with cross-site requests as cookies do.
      if (!READ_ONLY_METHODS.has(request.method) && !isSameOrigin(request)) throw new CrossOriginError();
      const { principal, token } = await callerOf(request, method as ApiMethod<unknown>);
      // Counted once the caller is known (an anonymous call was refused above), before any work.
      takeRequest(method.role === "ingest" ? "ingest" : "api", rateCallerOf(principal, token));
      let body = undefined as Body;
      if (method.body) {
        const parsed = method.body.safeParse(await readJsonBody(request));
        if (!parsed.success) throw inputError(parsed.error, method.labels);
        body = parsed.data;
      }
      const call = { request, principal, token, body, params: (await context?.params) ?? {} };
      // The data functions check the caller again (requireAuditReader): a token's principal is set for them.
      return await (token ? runAs(principal, () => method.handle(call)) : method.handle(call));
    } catch (error) {
      if (error instanceof CrossOriginError) return apiError(403, "cross_origin", error.message);
      return refusalAnswer(error) ?? unexpectedAnswer(error, `${request.method} ${new URL(request.url).pathname}`);
    }
  };
}

/** Marks the handlers of methods a route does not declare: the OpenAPI check lists only the declared ones. */
export const UNDECLARED_METHOD = Symbol("undeclared method");

function notAllowed(allowed: readonly Method[]): RouteHandler {
  const handler: RouteHandler = async (request) => {
    const answer = apiError(405, "method_not_allowed", `${request.method} is not allowed here; use ${allowed.join(" or ")}.`);
    answer.headers.set("Allow", allowed.join(", "));
    return answer;
  };
  return Object.assign(handler, { [UNDECLARED_METHOD]: true });
}

/**
 * 405 in the one error shape for the methods a route without apiRoute (the public health checks)
 * does not have, where Next would answer an empty 405.
 */
export function refuseOtherMethods(allowed: readonly Method[]): Record<Exclude<Method, "GET" | "HEAD">, RouteHandler> {
  const refuse = notAllowed(allowed);
  return { POST: refuse, PUT: refuse, PATCH: refuse, DELETE: refuse };
}

/** A GET answered without its body: what HEAD is, unless a route says otherwise. */
function headOf(get: RouteHandler): RouteHandler {
  return async (request, context) => {
    const answer = await get(request, context);
    await answer.body?.cancel();
    return new Response(null, { status: answer.status, headers: answer.headers });
  };
}

/** The route's handlers, one per HTTP method: the declared ones, HEAD from GET, 405 for the rest. */
export function apiRoute<Bodies extends Partial<Record<Method, unknown>>>(
  methods: { [Name in keyof Bodies]: ApiMethod<Bodies[Name]> },
): Record<Method, RouteHandler> {
  const byName = methods as Partial<Record<Method, ApiMethod<unknown>>>;
  const declared = METHODS.filter((name) => byName[name]);
  const allowed = declared.includes("GET") && !declared.includes("HEAD") ? [...declared, "HEAD" as const] : declared;
  const handlers = Object.fromEntries(METHODS.map((name) => [name, notAllowed(allowed)])) as Record<Method, RouteHandler>;
  for (const name of declared) handlers[name] = run(byName[name] as ApiMethod<unknown>);
  if (!byName.HEAD && byName.GET) handlers.HEAD = headOf(handlers.GET);
  return handlers;
}
