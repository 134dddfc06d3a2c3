// One page of ALM Octane's audits resource: the query's records in time order, the count of all of
// them up to the records cap (config: lib/audit/config/octane-cap.ts), and where the next page
// starts. A page is reached by offset within the cap, or by cursor anywhere: a cursor page reads
// what the first page reads, however deep. Guarded: audit readers only.
import "server-only";
import type { TokenCaller } from "@/lib/auth/api-tokens/api-tokens";
import { requireAuditReader } from "@/lib/auth/guard";
import { loadOctaneCap } from "@/lib/audit/config/octane-cap";
import { CONSOLE_SOURCE } from "@/lib/audit/events/sources";
import { byTime } from "@/lib/audit/search/filter-query";
import { afterRow, sortKeys } from "@/lib/audit/search/keyset";
import { countWhere, findEventRecords } from "@/lib/audit/search/list-query";
import { decodeCursor, encodeCursor, formatCount } from "@/lib/audit/search/list-result";
import { getDb } from "@/lib/db";
import { InputError, inputError } from "../input-error";
import { idSourceOf } from "../source-ids";
import { parseOctaneQuery } from "./octane-query";
import { octaneRecords } from "./octane-records";
import { eventsParamsSchema, type OctaneAudits, octaneParamsSchema } from "./octane-schemas";
import { type EventScope, octaneWhere } from "./octane-where";

/** Whose events a call reads, as its path or `source` parameter names them. */
interface OctaneScope {
  /** how the client names it: the path's "workspace", or the parameter "source" */
  field: "workspace" | "source";
  /** a source, "console" for the console's own events, "all" or null for every source */
  name: string | null;
}

/** A workspace or source nothing is called: the workspace path answers 404, the parameter 400. */
export class UnknownScopeError extends InputError {}

/** The query parameters as one value each, or an InputError naming the parameter. */
function paramsOf(search: URLSearchParams, allowed: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of search) {
    if (!allowed.includes(key)) throw new InputError(key, `${key}: is not a parameter of this API; use ${allowed.join(", ")}`);
    if (key in params) throw new InputError(key, `${key}: give it once`);
    params[key] = value;
  }
  return params;
}

/** The events `scope` names, checked against the sources there are. */
async function eventScope(scope: OctaneScope): Promise<EventScope> {
  const { name, field } = scope;
  if (name === null || (field === "workspace" && name === "all")) return undefined;
  if (name === CONSOLE_SOURCE) return null;
  const known = (await getDb().prisma.eventSource.findMany({ orderBy: { name: "asc" }, select: { name: true } })).map((source) => source.name);
  if (known.includes(name)) return name;
  const choices = [...(field === "workspace" ? ["all"] : []), CONSOLE_SOURCE, ...known].join(", ");
  throw new UnknownScopeError(field, `${field}: no sending system is called "${name}"; use ${choices}`);
}

/**
 * The page of audit records `search` asks for, as `token` (or a console session) reads it: of the
 * `workspace` the path names, or without one (GET /api/audit/events) of the `source` parameter's.
 */
export async function readOctaneAudits(token: TokenCaller | null, search: URLSearchParams, workspace?: string): Promise<OctaneAudits> {
  await requireAuditReader("Reading the audit trail");
  const allowed = Object.keys((workspace === undefined ? eventsParamsSchema : octaneParamsSchema).shape);
  const parsed = eventsParamsSchema.safeParse(paramsOf(search, allowed));
  if (!parsed.success) throw inputError(parsed.error);
  const { query, offset, limit, cursor, order_by, source } = parsed.data;
  const scope: OctaneScope = workspace === undefined ? { field: "source", name: source || null } : { field: "workspace", name: workspace };
  const events = await eventScope(scope);
  const clauses = parseOctaneQuery(query ?? "");
  // The console's own accounts and entities have no sender's ids: an id names none of them.
  const idSource = () => (events === null ? Promise.resolve(null) : idSourceOf(token, events, scope.field));
  const where = await octaneWhere(clauses, events, idSource);

  const db = getDb();
  const cap = (await loadOctaneCap(db.prisma)).maxRecords;
  if (cursor !== undefined && offset !== undefined) throw new InputError("offset", "offset: leave it out with cursor: the cursor says where the page starts");
  const skip = offset ?? 0;
  if (skip >= cap) {
    throw new InputError(
      "offset",
      `offset: a query reaches its first ${formatCount(cap)} records by offset; narrow the query (timestamp) or page by cursor (next_cursor)`,
    );
  }
  const orderBy = byTime(order_by === "timestamp" ? "asc" : "desc");
  const position = cursor === undefined ? null : decodeCursor(cursor);
  const take = position ? limit : Math.min(limit, cap - skip);
  const [counted, found] = await Promise.all([
    countWhere(db.reads, where, cap + 1),
    findEventRecords(db, {
      where: position ? { AND: [where, afterRow(sortKeys(orderBy), position)] } : where,
      orderBy,
      skip: position ? 0 : skip,
      take: take + 1,
    }),
  ]);
  const rows = found.slice(0, take);
  const last = rows.at(-1);
  return {
    total_count: Math.min(counted, cap),
    exceeds_total_count: counted > cap,
    data: await octaneRecords(rows),
    next_cursor: found.length > take && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
