// Server action requests that Next.js itself answers with a 500 and a logged error: an Origin that is
// another site's or no URL at all (Next's CSRF check throws), and a body that is not what React's
// encodeReply sends (decodeReply throws on "", "not json", "[" or null). proxy.ts answers them first,
// in the one error shape, so that no input reaches a 500. Pure: Web Request in, Response or nothing out.

/** The header every fetch-style server action request carries: the action's id. */
export const SERVER_ACTION_HEADER = "next-action";

function refusal(status: 400 | 403, code: string, message: string, field: string): Response {
  return Response.json({ error: { code, message, field } }, { status, headers: { "Cache-Control": "no-store" } });
}

/** The host the request was sent to, as Next's CSRF check reads it: x-forwarded-host's first value, else Host. */
function requestHost(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host");
}

/** The Origin's host, "null" for an opaque origin, undefined when there is no Origin, null when it does not parse. */
function originHost(origin: string | null): string | null | undefined {
  if (origin === null) return undefined;
  if (origin === "null") return "null";
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * The "$" values a reply without form parts can hold: encodeReply writes "$$" before a string of the
 * caller's own that starts with "$", and these for values JSON lacks. Any other ("$Q0", "$h", "$@1",
 * "$where") points at a part such a body does not have, and decodeReply throws: a 500.
 */
const SELF_CONTAINED = /^\$(?:\$[\s\S]*|D[\s\S]*|n-?\d+|T[\s\S]*|undefined|Infinity|-Infinity|NaN|-0)$/;

function onlySelfContained(value: unknown): boolean {
  if (typeof value === "string") return !value.startsWith("$") || SELF_CONTAINED.test(value);
  if (Array.isArray(value)) return value.every(onlySelfContained);
  if (typeof value === "object" && value !== null) return Object.values(value).every(onlySelfContained);
  return true;
}

/** True when `text` is a JSON array: the arguments list encodeReply writes as the reply's root. */
function isJsonArray(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}

/** True when `text` is the whole of a reply without form parts: a JSON array, its references self-contained. */
function isTextReply(text: string): boolean {
  return isJsonArray(text) && onlySelfContained(JSON.parse(text));
}

async function parsesAsForm(request: Request): Promise<boolean> {
  try {
    await request.clone().formData();
    return true;
  } catch {
    return false;
  }
}

/**
 * The refusal for a server action request Next would answer with a 500, or undefined to let it
 * through (requests that are not server actions too). Reads a clone of the body: the original
 * stays for Next. An Origin is compared as Next compares it (no allowedOrigins are configured);
 * a request without one is left to Next, which lets it through as handcrafted, as it must.
 */
export async function refuseMalformedServerAction(request: Request): Promise<Response | undefined> {
  if (request.method !== "POST") return undefined;
  const contentType = request.headers.get("content-type") ?? "";
  const multipart = contentType.toLowerCase().startsWith("multipart/form-data");
  if (!request.headers.has(SERVER_ACTION_HEADER)) {
    // A form POST to a page may be a no-JavaScript server action: Next parses it, and throws on a broken one.
    return multipart && !(await parsesAsForm(request)) ? refusal(400, "BAD_ACTION_BODY", "The body is not valid multipart form data.", "body") : undefined;
  }

  const origin = originHost(request.headers.get("origin"));
  if (origin === null) return refusal(400, "BAD_ORIGIN", "The Origin header is not a URL.", "Origin");
  if (origin !== undefined && origin !== requestHost(request.headers)) {
    return refusal(403, "FOREIGN_ORIGIN", "Server actions are accepted from this site's own pages only.", "Origin");
  }

  if (multipart) {
    // encodeReply's form: the arguments' JSON array in the field "0", files and big values beside it.
    let root: FormDataEntryValue | null;
    try {
      root = (await request.clone().formData()).get("0");
    } catch {
      return refusal(400, "BAD_ACTION_BODY", "The server action's body is not valid multipart form data.", "body");
    }
    if (typeof root !== "string" || !isJsonArray(root)) {
      return refusal(400, "BAD_ACTION_BODY", 'The server action\'s form data needs the field "0" holding a JSON array of arguments.', "body");
    }
    return undefined;
  }
  if (contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) return undefined;
  if (!isTextReply(await request.clone().text())) {
    return refusal(400, "BAD_ACTION_BODY", "The server action's body must be a JSON array of arguments.", "body");
  }
  return undefined;
}
