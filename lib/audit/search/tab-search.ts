// A search tab's list, for its page, its exports and the APIs: guarded, validated with the tab's
// schema, one page of rows in the tab's order. One function for every tab (tabs/search-tabs.ts).
import "server-only";
import { requireAuditReader } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { getAdminTimeZone } from "@/lib/time/admin-time-zone";
import type { EventRow } from "../events/event-rows";
import type { AnySearchTab } from "../tabs/search-tab";
import { parseFilters } from "./filter-schema";
import { pageOfEventRows } from "./list-query";
import type { ListResult } from "./list-result";

export interface SearchOptions {
  /** the zone preset ranges and custom days are read in; default: the admin's (cookie) */
  timeZone?: string;
  now?: Date;
}

/**
 * One page of the events of `tab` that `input` (a search of the tab) selects. Throws AuthError
 * without an audit reader, FilterValidationError (status 400, naming the field) for bad input.
 */
export async function searchTabEvents(tab: AnySearchTab, input: unknown, options: SearchOptions = {}): Promise<ListResult<EventRow>> {
  await requireAuditReader();
  const search = parseFilters(tab.searchSchema, input, tab.labels);
  const timeZone = options.timeZone ?? (await getAdminTimeZone());
  const where = tab.where(search, timeZone, options.now ?? new Date());
  return pageOfEventRows(getDb(), where, tab.orderBy(search.sort), search, { summaries: tab.rowSummaries });
}
