// The Permissions search, for the page, the exports and the API: guarded, validated, one page of
// rows, each with its Message (message.ts).
import { requireAuditReader } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { getAdminTimeZone } from "@/lib/time/admin-time-zone";
import type { EventRow } from "./events/event-rows";
import { pageOfEventRows } from "./search/list-query";
import { parseFilters } from "./search/filter-schema";
import type { ListResult } from "./search/list-result";
import type { SearchOptions } from "./logins-query";
import { eventMessage, type EventMessage } from "./events/message";
import { PERMISSION_FIELD_LABELS, permissionSearchSchema, permissionsOrderBy, permissionsWhere } from "./permissions-filters";

export interface PermissionRow extends EventRow {
  /** what the Message column shows */
  messageView: EventMessage;
}

/**
 * One page of permission events matching `input` (a PermissionSearch). Throws AuthError without an
 * audit reader, FilterValidationError (status 400, naming the field) for bad input.
 */
export async function searchPermissions(input: unknown, options: SearchOptions = {}): Promise<ListResult<PermissionRow>> {
  await requireAuditReader();
  const search = parseFilters(permissionSearchSchema, input, PERMISSION_FIELD_LABELS);
  const timeZone = options.timeZone ?? (await getAdminTimeZone());
  const where = permissionsWhere(search, timeZone, options.now ?? new Date());
  const page = await pageOfEventRows(getDb().prisma, where, permissionsOrderBy(search.sort), search, { summaries: true });
  return { ...page, rows: page.rows.map((row) => ({ ...row, messageView: eventMessage(row) })) };
}
