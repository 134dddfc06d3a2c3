// The Logins search, for the page, the exports and the API: guarded, validated, one page of rows.
import { requireAuditReader } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import type { AuditEventType } from "@/lib/generated/prisma/enums";
import { getAdminTimeZone } from "@/lib/time/admin-time-zone";
import { eventTypeLabel } from "./events/event-types";
import { parseFilters } from "./search/filter-schema";
import { pageOfEvents } from "./search/list-query";
import type { ListResult } from "./search/list-result";
import { LOGIN_FIELD_LABELS, loginSearchSchema, loginsOrderBy, loginsWhere } from "./logins-filters";
import { loadUsers, userRef, type UserRef } from "./events/user-refs";

export interface LoginRow {
  /** the event id (a bigint) as a string */
  id: string;
  eventType: AuditEventType;
  label: string;
  actor: UserRef;
  createdAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export interface SearchOptions {
  /** the zone preset ranges and custom days are read in; default: the admin's (cookie) */
  timeZone?: string;
  now?: Date;
}

const LOGIN_SELECT = {
  id: true,
  eventType: true,
  actorId: true,
  actorName: true,
  createdAt: true,
  ip: true,
  userAgent: true,
} as const;

/**
 * One page of login events matching `input` (a LoginSearch). Throws AuthError without an audit
 * reader, FilterValidationError (status 400, naming the field) for bad input.
 */
export async function searchLogins(input: unknown, options: SearchOptions = {}): Promise<ListResult<LoginRow>> {
  await requireAuditReader();
  const search = parseFilters(loginSearchSchema, input, LOGIN_FIELD_LABELS);
  const timeZone = options.timeZone ?? (await getAdminTimeZone());
  const where = loginsWhere(search, timeZone, options.now ?? new Date());
  const { prisma } = getDb();
  const page = await pageOfEvents(where, search, {
    count: (args) => prisma.auditEvent.count(args),
    find: (args) => prisma.auditEvent.findMany({ ...args, orderBy: loginsOrderBy(search.sort), select: LOGIN_SELECT }),
  });
  const users = await loadUsers(prisma, page.rows.map((row) => row.actorId));
  return {
    ...page,
    rows: page.rows.map((row) => ({
      id: row.id.toString(),
      eventType: row.eventType,
      label: eventTypeLabel(row.eventType),
      actor: userRef(row.actorId, row.actorName, users),
      createdAt: row.createdAt,
      ip: row.ip,
      userAgent: row.userAgent,
    })),
  };
}
