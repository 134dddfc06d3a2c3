// The one shape of every API error: { "error": { "code", "message", "field"? } }, with the status
// and, for a refusal that passes (429, 503), how many seconds to wait in Retry-After.

export interface ApiErrorBody {
  error: { code: string; message: string; field?: string };
}

export interface ApiErrorOptions {
  /** the request field at fault, as the client named it ("period.days", "range") */
  field?: string;
  /** seconds until trying again is worth it (429, 503) */
  retryAfterSeconds?: number;
}

export function apiError(status: number, code: string, message: string, options: ApiErrorOptions = {}): Response {
  const body: ApiErrorBody = { error: { code, message, ...(options.field === undefined ? {} : { field: options.field }) } };
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (options.retryAfterSeconds !== undefined) headers["Retry-After"] = String(Math.max(1, Math.ceil(options.retryAfterSeconds)));
  return Response.json(body, { status, headers });
}
