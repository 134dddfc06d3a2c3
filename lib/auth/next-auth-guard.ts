// Requests to /api/auth/* that next-auth 4 answers with a 500 and a logged error: a callbackUrl (query
// or cookie) that is neither a path nor an http(s) URL ("http://localhost:3800.evil.example/" has no
// numeric port: next-auth's config check throws), a JSON body that is not an object of strings, an
// error parameter that is not a code (it goes into a Location header), an
// action or method it does not have ("GET /api/auth/callback/credentials"). The route answers them
// first, in the one error shape. Pure: Web Request in, Response or nothing out.

/** next-auth's actions by method, less those the credentials provider cannot answer. */
const ACTIONS: Record<string, ReadonlySet<string>> = {
  GET: new Set(["providers", "session", "csrf", "signin", "signout", "error", "_log"]),
  POST: new Set(["signin", "signout", "callback", "session", "_log"]),
};

const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

function refusal(status: 400 | 404 | 405, code: string, message: string, field?: string): Response {
  return Response.json({ error: { code, message, ...(field ? { field } : {}) } }, { status, headers: { "Cache-Control": "no-store" } });
}

/** next-auth's own test of a callback URL (isValidHttpUrl): a path, or an absolute http(s) URL. */
function isUsableCallbackUrl(value: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

function cookieValues(header: string | null, names: readonly string[]): string[] {
  return (header ?? "").split(";").flatMap((pair) => {
    const at = pair.indexOf("=");
    if (at < 0 || !names.includes(pair.slice(0, at).trim())) return [];
    try {
      return [decodeURIComponent(pair.slice(at + 1).trim())];
    } catch {
      return [pair.slice(at + 1).trim()];
    }
  });
}

/** A JSON body as next-auth reads a form: an object of strings (it calls string methods on callbackUrl and csrfToken). */
async function isJsonForm(request: Request): Promise<boolean> {
  try {
    const value: unknown = await request.clone().json();
    return typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((field) => typeof field === "string");
  } catch {
    return false;
  }
}

/** next-auth's error codes ("CredentialsSignin"): it puts the parameter into a Location header, which throws on other characters. */
const ERROR_CODE = /^\w{1,64}$/;

/** The refusal for an /api/auth request next-auth would answer with a 500, or undefined to hand it on. */
export async function refuseBadAuthRequest(request: Request, segments: readonly string[]): Promise<Response | undefined> {
  const [action = ""] = segments;
  const allowed = ACTIONS[request.method];
  if (!allowed) return refusal(405, "METHOD_NOT_ALLOWED", `${request.method} is not answered here: use GET or POST.`);
  if (!allowed.has(action)) return refusal(404, "NOT_FOUND", `There is no ${request.method} /api/auth/${action}.`);

  const url = new URL(request.url);
  for (const value of url.searchParams.getAll("callbackUrl")) {
    if (!isUsableCallbackUrl(value, url.origin)) return refusal(400, "BAD_CALLBACK_URL", "callbackUrl must be a path of this site.", "callbackUrl");
  }
  for (const value of cookieValues(request.headers.get("cookie"), CALLBACK_COOKIES)) {
    if (!isUsableCallbackUrl(value, url.origin))
      return refusal(400, "BAD_CALLBACK_URL", "The callback-url cookie must hold a path of this site.", "callback-url cookie");
  }
  for (const value of url.searchParams.getAll("error")) {
    if (!ERROR_CODE.test(value)) return refusal(400, "BAD_ERROR_CODE", "error must be one of next-auth's error codes, such as CredentialsSignin.", "error");
  }
  if (request.method === "POST" && request.headers.get("content-type")?.includes("application/json") && !(await isJsonForm(request))) {
    return refusal(400, "BAD_BODY", "The body must be a JSON object of strings, or a form (application/x-www-form-urlencoded).", "body");
  }
  return undefined;
}
