// What a Codebeamer v3 audit request says (reference 001): the JSON body of one list (its tab's
// fields, named as Codebeamer names them, the event types by label, the range as a duration or as
// fromDate/toDate, showChanges) and the query's paging (page from 1, pageSize up to 100, 0 for
// every result). One zod schema each, which the route validates with and the OpenAPI document
// shows; a refusal names the top-level field and says where in it. Pure.
import { z } from "zod";
import { InputError } from "@/lib/api/input-error";
import { eventTypeLabel } from "@/lib/audit/events/event-types";
import { DATE_PRESETS, type DatePreset } from "@/lib/audit/search/date-range";
import { COUNT_CAP } from "@/lib/audit/search/list-result";
import { MAX_SELECTED_IDS } from "@/lib/audit/tabs/search-field";
import type { AuditEventType } from "@/lib/generated/prisma/enums";
import { fieldPath } from "@/lib/ingest/ingest-schema";
import type { CodebeamerList, ListParam } from "./codebeamer-lists";

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;
const MAX_SENDER_ID_LENGTH = 200;

const tooMany = `give at most ${MAX_SELECTED_IDS}`;

/** A username, id or source name as the directory keeps it. */
const text = z.string().trim().min(1, "may not be empty").max(MAX_SENDER_ID_LENGTH, "is too long");
const nameList = z.array(text).max(MAX_SELECTED_IDS, tooMany);
/** Ids are strings in the sample; a client may send numbers. */
const idList = z
  .array(z.union([text, z.number().int("must be a whole number").safe()], { error: "must be an id (a string, or a whole number)" }))
  .max(MAX_SELECTED_IDS, tooMany)
  .transform((ids) => ids.map(String));

const PARAM_SCHEMAS: Record<ListParam, z.ZodType<string[], unknown>> = {
  userNames: nameList.describe("who did it: usernames of the id source"),
  targetUserNames: nameList.describe("whom it was done to: usernames of the id source"),
  projectIds: idList.describe("the sending system's project ids"),
  trackerIds: idList.describe("the sending system's tracker ids"),
};

/** The labels of the tab's event types ("User Create"), as the console's enum values. */
function eventTypesOf(list: CodebeamerList) {
  const labels = list.tab.eventTypes.map(eventTypeLabel);
  const label = z.enum(labels as [string, ...string[]], {
    error: (issue) => `"${String(issue.input)}" is not an event type of the ${list.tab.title} tab; use ${labels.join(", ")}`,
  });
  return z.array(label).transform((chosen) => chosen.map((text) => list.tab.eventTypes[labels.indexOf(text)]!));
}

/** An instant as ISO 8601: with Z or an offset, or without one (then UTC, as the answers write times); a bare date is that UTC day. */
const instant = z.union([z.iso.datetime({ offset: true, local: true }), z.iso.date()], {
  error: "must be an ISO 8601 time such as 2023-05-10T07:16:06.255Z (no offset: UTC), or a date (YYYY-MM-DD)",
});

const durationSchema = z.enum(DATE_PRESETS, { error: `must be one of ${DATE_PRESETS.join(", ")}` });

/** Codebeamer's clients send it as a boolean or as the string "true" / "false". */
const showChangesSchema = z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")], {
  error: 'must be true or false (a boolean, or the string "true" or "false")',
});

/** The JSON body of one list: its tab's fields, the event types, the range, showChanges and the id source. Null means left out. */
export function requestBodySchema(list: CodebeamerList) {
  const lists = Object.fromEntries(list.params.map((param) => [param, PARAM_SCHEMAS[param].nullish()]));
  return z.strictObject({
    ...lists,
    eventTypes: eventTypesOf(list).nullish().describe("labels, as the tab lists them"),
    fromDate: instant.nullish().describe("the first instant (no offset: UTC; a date: from its start)"),
    toDate: instant.nullish().describe("the last instant, included, at most a year after fromDate (a date: to its end); default now"),
    duration: durationSchema.nullish().describe("a preset in UTC days; wins over fromDate and toDate; none of the three: Last_30_Days"),
    showChanges: showChangesSchema.nullish().describe("true: each record's changes"),
    source: text.nullish().describe("whose ids and usernames these are, for a console session when several sending systems exist"),
  });
}

export interface RequestBody {
  lists: Partial<Record<ListParam, string[]>>;
  eventTypes: AuditEventType[];
  fromDate: string | null;
  toDate: string | null;
  duration: DatePreset | null;
  showChanges: boolean;
  source: string | null;
}

const digits = (message: string) =>
  z
    .string()
    .regex(/^\d{1,9}$/, message)
    .transform(Number);

/** The query: paging, and the id source for a console session (as the body may name it). */
export const requestQuerySchema = z.strictObject({
  page: digits("must be a whole number from 1 (the first page)").pipe(z.number().min(1, "must be a whole number from 1 (the first page)")).optional(),
  pageSize: digits(`must be a whole number from 0 to ${MAX_PAGE_SIZE} (0: every result at once)`)
    .pipe(z.number().max(MAX_PAGE_SIZE, `may be at most ${MAX_PAGE_SIZE}; 0 returns every result at once (at most ${COUNT_CAP.toLocaleString("en-US")})`))
    .optional(),
  source: text.optional(),
});

export interface RequestPaging {
  page: number;
  /** 0: every result on one page */
  pageSize: number;
  source: string | null;
}

/** The first issue as a 400 naming its top-level field, and where in it (`eventTypes[2]`); `what` says what the input is. */
function refusal(error: z.ZodError, what: string, known: readonly string[]): InputError {
  const issue = error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0]!;
    return new InputError(key, `${key}: ${what} has no such field; it takes ${known.join(", ")}`);
  }
  // Only the body can be something other than an object: the query always is one.
  if (issue.path.length === 0) return new InputError("body", "body: must be a JSON object, such as the sample request's");
  return new InputError(String(issue.path[0]), `${fieldPath(issue.path)}: ${issue.message}`);
}

export function parseRequestBody(list: CodebeamerList, input: unknown): RequestBody {
  const schema = requestBodySchema(list);
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw refusal(parsed.error, `the ${list.tab.title} list's body`, Object.keys(schema.shape));
  const body = parsed.data;
  const values = body as Record<string, string[] | null | undefined>;
  return {
    lists: Object.fromEntries(list.params.flatMap((param) => (values[param] ? [[param, values[param]]] : []))),
    eventTypes: body.eventTypes ?? [],
    fromDate: body.fromDate ?? null,
    toDate: body.toDate ?? null,
    duration: body.duration ?? null,
    showChanges: body.showChanges ?? false,
    source: body.source ?? null,
  };
}

/** The query's paging, checked: one value a parameter, page 1 with pageSize 0, and no page past the first COUNT_CAP results. */
export function parseRequestQuery(params: URLSearchParams): RequestPaging {
  const input: Record<string, string> = {};
  for (const key of new Set(params.keys())) {
    if (params.getAll(key).length > 1) throw new InputError(key, `${key}: give it once`);
    input[key] = params.get(key) ?? "";
  }
  const parsed = requestQuerySchema.safeParse(input);
  if (!parsed.success) throw refusal(parsed.error, "the query", Object.keys(requestQuerySchema.shape));
  const { page = 1, pageSize = DEFAULT_PAGE_SIZE, source = null } = parsed.data;
  if (pageSize === 0 && page !== 1) throw new InputError("page", "page: with pageSize 0 every result comes on page 1; leave page out");
  if (page * pageSize > COUNT_CAP) {
    throw new InputError(
      "page",
      `page: page ${page} of ${pageSize} reaches past the first ${COUNT_CAP.toLocaleString("en-US")} results (page × pageSize may be at most ${COUNT_CAP.toLocaleString("en-US")}); narrow the range (duration, or fromDate and toDate) or the filters`,
    );
  }
  return { page, pageSize, source };
}
