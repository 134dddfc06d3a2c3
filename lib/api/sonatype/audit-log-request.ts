// What GET /api/v2/auditLogs reads from a request (reference/004): two UTC days, both inclusive,
// both required, the end not before the start; no one-year rule and no cap, as a bulk pull. And
// the type it answers in: text/plain, as Sonatype's own OpenAPI declares it (the clients generated
// from it send Accept: text/plain), or application/x-ndjson to a client that asks for JSON lines. Pure.
import { z } from "zod";
import { parseDay } from "@/lib/audit/search/date-range";
import { InputError, inputError } from "../input-error";

const DAY_MS = 86_400_000;

function utcDay(example: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `is required: a day in UTC as YYYY-MM-DD, such as ${example}` : "must be text") })
    .superRefine((text, context) => {
      if (parseDay(text) === null) context.addIssue({ code: "custom", message: `"${text.slice(0, 40)}" is not a day; use YYYY-MM-DD, such as ${example}` });
    });
}

export const auditLogsQuerySchema = z
  .object({
    startUtcDate: utcDay("2024-03-20").describe("The first day, in UTC (YYYY-MM-DD): events from 00:00:00.000 of this day on."),
    endUtcDate: utcDay("2024-03-21").describe("The last day, in UTC (YYYY-MM-DD), inclusive: events up to 23:59:59.999 of this day."),
  })
  .refine((query) => query.endUtcDate >= query.startUtcDate, { path: ["endUtcDate"], message: "must not be before startUtcDate" });

/** The days asked for, and the instants [from, to) they cover. */
export interface UtcDays {
  startUtcDate: string;
  endUtcDate: string;
  from: Date;
  /** exclusive: 00:00 UTC of the day after endUtcDate */
  to: Date;
}

const PARAMETERS = ["startUtcDate", "endUtcDate"] as const;

/** The query's days, or an InputError naming the parameter at fault. */
export function readAuditLogsQuery(params: URLSearchParams): UtcDays {
  for (const name of PARAMETERS) {
    const count = params.getAll(name).length;
    if (count > 1) throw new InputError(name, `${name}: is given ${count} times; give it once`);
  }
  // An empty value is a missing one: "startUtcDate=" names no day.
  const parsed = auditLogsQuerySchema.safeParse({ startUtcDate: params.get("startUtcDate") || undefined, endUtcDate: params.get("endUtcDate") || undefined });
  if (!parsed.success) throw inputError(parsed.error);
  const { startUtcDate, endUtcDate } = parsed.data;
  const from = new Date(`${startUtcDate}T00:00:00.000Z`);
  const to = new Date(new Date(`${endUtcDate}T00:00:00.000Z`).getTime() + DAY_MS);
  return { startUtcDate, endUtcDate, from, to };
}

export const AUDIT_LOG_TYPES = { text: "text/plain; charset=utf-8", ndjson: "application/x-ndjson; charset=utf-8" } as const;

/** text/plain, unless the client's Accept names application/x-ndjson. */
export function auditLogContentType(accept: string | null): string {
  const named = (accept ?? "").split(",").map((part) => part.split(";")[0].trim().toLowerCase());
  return named.includes("application/x-ndjson") ? AUDIT_LOG_TYPES.ndjson : AUDIT_LOG_TYPES.text;
}
