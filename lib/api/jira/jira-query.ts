// The query of GET /rest/auditing/1.0/events as Jira's clients send it (every parameter a string,
// lists comma-separated), read into typed values by one zod schema: the route validates with it
// and the OpenAPI document describes it. The console's vocabulary stands in for Jira's
// (jira-vocabulary.ts). Pure.
import { z } from "zod";
import { InputError, inputError } from "@/lib/api/input-error";
import { COUNT_CAP, decodeCursor } from "@/lib/audit/search/list-result";
import type { AuditCategory, AuditEventType } from "@/lib/generated/prisma/enums";
import {
  type AffectedObjectRef,
  parseAffectedObjectType,
  parseCategory,
  parseAction,
  AFFECTED_OBJECT_TYPES,
  CATEGORY_NAMES,
  ACTION_NAMES,
} from "./jira-vocabulary";

/** Jira's default page size, and the most one page may hold. */
export const DEFAULT_LIMIT = 200;
export const MAX_LIMIT = 1000;
/** How many records a search reads at most (the newest by insertion), and when scanLimit is not given. */
export const MAX_SCAN = COUNT_CAP;
/** Jira's int32 default for scanLimit, "no limit": a client that spells it out asks for no limit. */
const JIRA_NO_SCAN_LIMIT = 2_147_483_647;
/** At most this many ids or objects in one filter, and this long a search. */
const MAX_LIST = 100;
const MAX_SEARCH = 200;
const MAX_SENDER_ID = 200;
const MAX_EVENT_ID = 9_223_372_036_854_775_807n;

type Ctx = z.RefinementCtx;
const fail = (ctx: Ctx, message: string) => {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
};

/** "+01:00" written as "+0100" (Jira's own format) or with its "+" read as a space (unencoded in a URL). */
function normalizedTime(text: string): string {
  return text
    .trim()
    .replace(/ (\d{2}:?\d{2})$/, "+$1")
    .replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
}

const timeFormat = z.union([z.iso.datetime({ offset: true, local: true }), z.iso.date()]);

/** An ISO 8601 instant; without a zone it is UTC, a date alone its start. */
const instant = z.string().transform((text, ctx) => {
  const normalized = normalizedTime(text);
  if (!timeFormat.safeParse(normalized).success)
    return fail(ctx, `"${text.slice(0, 40)}" is not an ISO 8601 time, such as 2026-11-27T10:15:00Z or 2026-11-27T10:15:00.000+01:00`);
  const zoned = /(Z|[+-]\d{2}:\d{2})$/i.test(normalized) ? normalized : /T/.test(normalized) ? `${normalized}Z` : `${normalized}T00:00:00Z`;
  return new Date(zoned);
});

function wholeNumber(min: number, max: number, what: string) {
  return z.string().transform((text, ctx) => {
    const value = /^\d{1,10}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
    if (!(value >= min && value <= max)) return fail(ctx, `must be a whole number from ${min} to ${max.toLocaleString("en-US")}${what}`);
    return value;
  });
}

/** "timestamp,id" as pagingInfo.nextPageCursor gives it; the time may also be in epoch milliseconds. */
const pageCursor = z.string().transform((text, ctx) => {
  const trimmed = text.trim();
  const epoch = /^(\d{1,15}),(\d{1,19})$/.exec(trimmed);
  const position = epoch ? { createdAt: new Date(Number(epoch[1])), id: BigInt(epoch[2]) } : decodeCursor(trimmed);
  if (!position || position.id > MAX_EVENT_ID) {
    return fail(ctx, `"${text.slice(0, 60)}" is not a cursor: pass pagingInfo.nextPageCursor.cursor of the previous page ("timestamp,id")`);
  }
  return position;
});

/** Comma-separated values, empty ones dropped; at most MAX_LIST. */
function listOf<T>(noun: string, parse: (value: string, ctx: Ctx) => T | typeof z.NEVER, separator = ",") {
  return z.string().transform((text, ctx) => {
    const values = text
      .split(separator)
      .map((value) => value.trim())
      .filter(Boolean);
    if (values.length > MAX_LIST) return fail(ctx, `name at most ${MAX_LIST} ${noun}`);
    const parsed: T[] = [];
    for (const value of values) {
      const one = parse(value, ctx);
      if (one === z.NEVER) return z.NEVER;
      parsed.push(one as T);
    }
    return parsed;
  });
}

const senderId = (value: string, ctx: Ctx) => (value.length > MAX_SENDER_ID ? fail(ctx, `"${value.slice(0, 40)}…" is not an id`) : value);

const category = (value: string, ctx: Ctx): AuditCategory | typeof z.NEVER =>
  parseCategory(value) ?? fail(ctx, `"${value.slice(0, 40)}" is not a category; use ${CATEGORY_NAMES.join(", ")}`);

const action = (value: string, ctx: Ctx): AuditEventType | typeof z.NEVER =>
  parseAction(value) ?? fail(ctx, `"${value.slice(0, 40)}" is not an action; use ${ACTION_NAMES.join(", ")}`);

const affectedObject = (value: string, ctx: Ctx): AffectedObjectRef | typeof z.NEVER => {
  const comma = value.indexOf(",");
  const type = comma < 0 ? undefined : parseAffectedObjectType(value.slice(0, comma));
  const id = comma < 0 ? "" : value.slice(comma + 1).trim();
  if (!type || !id || id.includes(",") || id.length > MAX_SENDER_ID) {
    return fail(ctx, `"${value.slice(0, 60)}" is not "type,id"; types: ${AFFECTED_OBJECT_TYPES.join(", ")}; objects are separated by ";"`);
  }
  return { type, id };
};

const scanLimit = z.string().transform((text, ctx) => {
  const value = /^\d{1,10}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (value === JIRA_NO_SCAN_LIMIT) return undefined;
  if (!(value >= 1 && value <= MAX_SCAN))
    return fail(ctx, `must be a whole number from 1 to ${MAX_SCAN.toLocaleString("en-US")} (records scanned, newest first)`);
  return value;
});

const afterId = z.string().transform((text, ctx) => {
  const value = /^\d{1,19}$/.test(text.trim()) ? BigInt(text.trim()) : -1n;
  if (value < 0n || value > MAX_EVENT_ID) return fail(ctx, "must be an event id (a whole number; 0 to start from the first event)");
  return value;
});

const outputFormat = z.string().refine((text) => text.trim().toLowerCase() === "json", "only json is offered");

const search = z.string().transform((text, ctx) => (text.trim().length > MAX_SEARCH ? fail(ctx, `may be at most ${MAX_SEARCH} characters`) : text.trim()));

/** Every parameter; a parameter given empty counts as not given. */
export const jiraEventsQuerySchema = z
  .object({
    from: instant.optional().describe("the first instant, ISO 8601 (inclusive); no zone: UTC"),
    to: instant.optional().describe("the end, ISO 8601 (exclusive); no zone: UTC"),
    offset: wholeNumber(0, COUNT_CAP, "")
      .optional()
      .describe(`records to skip (default 0); offset + limit at most ${COUNT_CAP.toLocaleString("en-US")}`),
    pageCursor: pageCursor.optional().describe('"timestamp,id" from the previous page\'s pagingInfo.nextPageCursor.cursor'),
    limit: wholeNumber(1, MAX_LIMIT, "").optional().describe(`records per page, default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT}`),
    userIds: listOf("users", senderId).optional().describe("authors: the sending system's user ids, comma-separated"),
    categories: listOf("categories", category)
      .optional()
      .describe(`comma-separated, any case: ${CATEGORY_NAMES.join(", ")}`),
    actions: listOf("actions", action).optional().describe("event types, comma-separated, any case: User Login, Work Item Update, ..."),
    affectedObject: listOf("objects", affectedObject, ";")
      .optional()
      .describe(`"type,id;type,id": events about any of them; types ${AFFECTED_OBJECT_TYPES.join(", ")}, ids the sending system's`),
    search: search.optional().describe("case-insensitive text in the user, target user, project, tracker, artifact names and the message"),
    outputFormat: outputFormat.optional().describe("json (the only format)"),
    scanLimit: scanLimit
      .optional()
      .describe(
        `scan only the newest N records by insertion, 1 to ${MAX_SCAN.toLocaleString("en-US")}; a search scans the newest ${MAX_SCAN.toLocaleString("en-US")} without it`,
      ),
    afterId: afterId.optional().describe("ingestion order: events with an id above this, oldest first (pagingInfo.lastId gives the next)"),
    source: z.string().optional().describe("the sending system whose ids userIds and affectedObject name; only for a console session with several"),
  })
  .superRefine((query, ctx) => {
    const limit = query.limit ?? DEFAULT_LIMIT;
    if ((query.offset ?? 0) + limit > COUNT_CAP) {
      ctx.addIssue({
        code: "custom",
        path: ["offset"],
        message: `offset + limit may be at most ${COUNT_CAP.toLocaleString("en-US")}; read further with pageCursor (pagingInfo.nextPageCursor)`,
      });
    }
    if (query.afterId !== undefined) {
      for (const key of ["pageCursor", "offset", "search", "scanLimit"] as const) {
        if (query[key] !== undefined) ctx.addIssue({ code: "custom", path: ["afterId"], message: `afterId reads in ingestion order and takes no ${key}` });
      }
    }
    if (query.from && query.to && query.from.getTime() >= query.to.getTime()) ctx.addIssue({ code: "custom", path: ["to"], message: "must come after from" });
  });

type Parsed = z.output<typeof jiraEventsQuerySchema>;

export interface JiraEventsQuery extends Omit<Parsed, "limit" | "offset"> {
  limit: number;
  offset: number;
}

const LISTS: Record<string, string> = { userIds: ",", categories: ",", actions: ",", affectedObject: ";" };

/**
 * The query, validated: a list parameter given more than once is joined, any other is refused, and
 * a parameter given empty counts as not given. Unknown parameters are ignored, as Jira does.
 * Throws InputError naming the parameter.
 */
export function parseJiraEventsQuery(params: URLSearchParams): JiraEventsQuery {
  const values: Record<string, string> = {};
  for (const name of new Set(params.keys())) {
    const given = params.getAll(name).filter((value) => value.trim() !== "");
    if (given.length === 0) continue;
    if (given.length > 1 && !LISTS[name]) throw new InputError(name, `${name}: is given ${given.length} times; give it once`);
    values[name] = given.join(LISTS[name] ?? "");
  }
  const parsed = jiraEventsQuerySchema.safeParse(values);
  if (!parsed.success) throw inputError(parsed.error);
  return { ...parsed.data, limit: parsed.data.limit ?? DEFAULT_LIMIT, offset: parsed.data.offset ?? 0 };
}
