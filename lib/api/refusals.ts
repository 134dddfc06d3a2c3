// The console's refusals as API answers in the one error shape (api-error.ts): who may not, what
// input is wrong, and what is too busy to take the request now. Shared by every route handler.
import { FilterValidationError } from "@/lib/audit/search/filter-schema";
import { AuthError } from "@/lib/auth/guard";
import { isDatabaseUnavailable, isPoolTimeout, isQueryCanceled } from "@/lib/db/database";
import { ExportBusyError } from "@/lib/export/export-slots";
import { apiError } from "./api-error";
import { InputError } from "./input-error";
import { RateLimitError } from "./rate-limit";

/** How long a client is told to wait when every database connection is in use, in seconds. */
const DATABASE_BUSY_RETRY_SECONDS = 5;

/**
 * Why the database could not answer now, for a caller to try again later: every connection in use,
 * the query cancelled past DATABASE_STATEMENT_TIMEOUT_MS, or the database down or restarting. Null for
 * any other error. The API answers it 503 with Retry-After; the tabs show it as the list's error.
 */
export function databaseBusy(error: unknown): { code: string; message: string } | null {
  if (isPoolTimeout(error)) {
    return { code: "database_busy", message: "Every database connection is in use; the request was not run. Try again in a few seconds." };
  }
  if (isQueryCanceled(error)) {
    return {
      code: "query_canceled",
      message: "The database took too long to answer and the query was cancelled. Try again in a few seconds, or narrow the date range or the filters.",
    };
  }
  if (isDatabaseUnavailable(error)) {
    return { code: "database_unavailable", message: "The database is not answering (restarting or unreachable); try again in a few seconds." };
  }
  return null;
}

/** The answer to one of the console's refusals, or null for an error nobody expected (a 500 for the caller to log). */
export function refusalAnswer(error: unknown): Response | null {
  if (error instanceof AuthError) {
    const answer = apiError(error.status, error.status === 401 ? "unauthenticated" : "forbidden", error.message);
    if (error.status === 401) answer.headers.set("WWW-Authenticate", 'Bearer realm="Audit Console"');
    return answer;
  }
  if (error instanceof FilterValidationError) return apiError(400, "invalid_filter", error.message, { field: error.field });
  if (error instanceof InputError) return apiError(400, "invalid_input", error.message, { field: error.field });
  if (error instanceof ExportBusyError) return apiError(429, "too_many_exports", error.message, { retryAfterSeconds: error.retryAfterSeconds });
  if (error instanceof RateLimitError) return apiError(429, "rate_limited", error.message, { retryAfterSeconds: error.retryAfterSeconds });
  const busy = databaseBusy(error);
  if (busy) return apiError(503, busy.code, busy.message, { retryAfterSeconds: DATABASE_BUSY_RETRY_SECONDS });
  return null;
}

/** Logs an unexpected error and answers 500 without its details. */
export function unexpectedAnswer(error: unknown, what: string): Response {
  console.error(`${what} failed:`, error);
  return apiError(500, "internal_error", "The server could not complete the request. Try again; if it keeps failing, check the server log.");
}
