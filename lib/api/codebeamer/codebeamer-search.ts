// One page of a Codebeamer v3 list: the request's names and ids resolved within the id source, the
// tab's filters and `where` (its event types, its one-year rule), the range as Codebeamer reads it
// (duration wins over fromDate/toDate; presets in UTC), oldest first as the sample lists them, an
// OFFSET page bounded by COUNT_CAP, the total exact up to COUNT_CAP, and each row as the list's
// record. Guarded: audit readers only.
import "server-only";
import { InputError } from "@/lib/api/input-error";
import { directoryIds, idSourceOf, senderIdsOf, senderIdsOfRows, userIdsByName } from "@/lib/api/source-ids";
import { parseChanges } from "@/lib/audit/events/changes";
import { toEventRows } from "@/lib/audit/events/event-rows";
import { DEFAULT_PRESET, instantRangeError } from "@/lib/audit/search/date-range";
import type { AuditWhere } from "@/lib/audit/search/filter-query";
import { fieldErrors } from "@/lib/audit/search/filter-schema";
import { countWhere, findEventRecords } from "@/lib/audit/search/list-query";
import { COUNT_CAP, cappedCount, pageOffset } from "@/lib/audit/search/list-result";
import type { TabFilters } from "@/lib/audit/tabs/search-tab";
import type { TokenCaller } from "@/lib/auth/api-tokens/api-tokens";
import { requireAuditReader } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { acquireExportSlot, exportCallerOf } from "@/lib/export/export-slots";
import { changeUserIds } from "./codebeamer-items";
import { type CodebeamerList, fieldKeyOf, LIST_PARAMS } from "./codebeamer-lists";
import type { RequestBody, RequestPaging } from "./codebeamer-request";

/** Presets are days in this zone: the answers' times are UTC too. */
const API_TIME_ZONE = "UTC";
const OLDEST_FIRST = "createdAt.asc";

export interface ListPage {
  total: number;
  totalIsCapped: boolean;
  items: unknown[];
}

/** "2023-05-10T07:16" without a zone is UTC; a bare date is its UTC day, from its start or to its end. */
function instantOf(text: string, end: boolean): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return new Date(`${text}T${end ? "23:59:59.999" : "00:00:00.000"}Z`);
  return new Date(/(Z|[+-]\d{2}:\d{2})$/.test(text) ? text : `${text}Z`);
}

/** fromDate..toDate (toDate included), or null when a duration or the default preset applies. */
function instantRange(body: RequestBody, now: Date): { from: Date; to: Date } | null {
  if (body.duration || (!body.fromDate && !body.toDate)) return null;
  if (!body.fromDate) throw new InputError("fromDate", "fromDate: give it with toDate, or give a duration instead");
  const from = instantOf(body.fromDate, false);
  const to = body.toDate ? instantOf(body.toDate, true) : now;
  const error = instantRangeError(from, to);
  if (error)
    throw new InputError("toDate", `toDate: fromDate to ${body.toDate ? "toDate" : "now"} ${error}; narrow the range, or page through it a year at a time`);
  return { from, to };
}

/** The console's ids of the request's names and ids by the tab's field; null when one of them names nothing (which selects nothing). */
async function resolvedLists(body: RequestBody, paging: RequestPaging, token: TokenCaller | null): Promise<Record<string, number[]> | null> {
  if (body.source && paging.source && body.source !== paging.source) {
    throw new InputError("source", `source: the body names "${body.source}" and the query "${paging.source}"; name one`);
  }
  const wanted = Object.entries(body.lists).filter(([, values]) => values.length > 0);
  const requested = body.source ?? paging.source;
  if (wanted.length === 0 && !requested) return {};
  const source = await idSourceOf(token, requested, "source");
  const resolved: Record<string, number[]> = {};
  for (const [param, values] of wanted) {
    const key = fieldKeyOf(param as keyof typeof body.lists);
    const kind = LIST_PARAMS[key].names;
    const ids = kind === "users" ? await userIdsByName(source, values) : await directoryIds(kind, source, values);
    if (ids.length === 0) return null;
    resolved[key] = ids;
  }
  return resolved;
}

/** The tab's filters of the request, checked with the tab's schema, as its `where`; null: nothing can match. */
async function whereOf(list: CodebeamerList, body: RequestBody, paging: RequestPaging, token: TokenCaller | null, now: Date): Promise<AuditWhere | null> {
  const range = instantRange(body, now);
  const lists = await resolvedLists(body, paging, token);
  if (lists === null) return null;
  const filters = { ...list.tab.defaultFilters, ...lists, types: body.eventTypes, range: body.duration ?? DEFAULT_PRESET };
  const checked = list.tab.filtersSchema.safeParse(filters);
  if (!checked.success) {
    const [key, message] = Object.entries(fieldErrors(checked.error))[0]!;
    const field = key === "types" ? "eventTypes" : key === "range" ? "duration" : (LIST_PARAMS[key as keyof typeof LIST_PARAMS]?.param ?? key);
    throw new InputError(field, `${field}: ${message}`);
  }
  const where = list.tab.where(checked.data as TabFilters, API_TIME_ZONE, now);
  return range ? { ...where, createdAt: { gte: range.from, lte: range.to } } : where;
}

/** The page the request asks for of `list`, with its capped total. Throws InputError (400, naming the field) for what it refuses. */
export async function searchCodebeamerList(
  list: CodebeamerList,
  body: RequestBody,
  paging: RequestPaging,
  token: TokenCaller | null,
  now = new Date(),
): Promise<ListPage> {
  const principal = await requireAuditReader();
  const where = await whereOf(list, body, paging, token, now);
  if (where === null) return { total: 0, totalIsCapped: false, items: [] };
  const db = getDb();
  const orderBy = list.tab.orderBy(OLDEST_FIRST);
  const counting = cappedCount((cap) => countWhere(db.reads, where, cap));
  if (paging.pageSize !== 0) {
    const window = { where, orderBy, skip: pageOffset(paging.page, paging.pageSize), take: paging.pageSize };
    const [counted, records] = await Promise.all([counting, findEventRecords(db, window)]);
    return { ...counted, items: await itemsOf(list, body, records) };
  }
  const counted = await counting;
  if (counted.totalIsCapped) {
    throw new InputError(
      "pageSize",
      `pageSize: 0 asks for every result at once, and more than ${COUNT_CAP.toLocaleString("en-US")} match; page through them (pageSize 1 to 100) or narrow the range or the filters`,
    );
  }
  if (counted.total === 0) return { ...counted, items: [] };
  // Up to 10,000 events at once is a read in bulk: it takes an export slot (429 when none is free,
  // as an export is), so that such reads cannot take every connection of the pages.
  const slot = acquireExportSlot(exportCallerOf(principal));
  try {
    const records = await findEventRecords(db, { where, orderBy, skip: 0, take: COUNT_CAP });
    return { ...counted, items: await itemsOf(list, body, records) };
  } finally {
    slot.release();
  }
}

/** The records as `list`'s items, with the sending system's ids and, when asked, their changes. */
async function itemsOf(list: CodebeamerList, body: RequestBody, records: Awaited<ReturnType<typeof findEventRecords>>): Promise<ListPage["items"]> {
  const rows = await toEventRows(getDb().reads.prisma, records);
  const changes = body.showChanges ? records.map((record) => parseChanges(record.changes).changes) : null;
  const senderIds = await senderIdsOfRows(rows);
  if (changes) {
    for (const [id, senderId] of await senderIdsOf("users", changeUserIds(changes.flat()))) senderIds.users.set(id, senderId);
  }
  return rows.map((row, index) => list.item({ row, senderIds, changes: changes ? changes[index]! : null }));
}
