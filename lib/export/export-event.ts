// An audit event as every export reads it: the tabs' row (lib/audit/events/event-rows.ts) plus the whole change
// list, from the plain SQL rows of event-sql.ts.
import { diffModeOf } from "@/lib/audit/diff/change-diff";
import { summarizeChanges } from "@/lib/audit/diff/change-summary";
import { parseChanges, type ChangeValue, type FieldChange } from "@/lib/audit/events/changes";
import { toEventRow, type EventRow, type EventRowRecord } from "@/lib/audit/events/event-rows";
import type { UserOption } from "@/lib/audit/events/user-refs";

export interface ExportEvent extends EventRow {
  changes: FieldChange[];
  /** JSON lines: what the event's leaf hash covers that the row does not say as stored (selectEvents' `stored`) */
  stored?: StoredFields;
}

/** The columns a JSON line carries for its leaf hash (lib/audit/integrity/event-leaf.ts), read when an export asks. */
export type StoredColumns = {
  details?: unknown;
  sourceEventId?: string | null;
};

/** The fields a JSON line adds for its leaf hash: the changes as stored (the row's are parsed), details and the sender's event id. */
export interface StoredFields {
  changes: unknown;
  details: unknown;
  sourceEventId: string | null;
}

/** A query on the export's own connection (lib/db/database.ts BulkReader.query). */
export type LookupQuery = <T>(sql: string, params: unknown[]) => Promise<T[]>;

/**
 * Adds to `users` the users `records` name that it does not hold yet. An export keeps one map: it
 * names the same few hundred users again and again, so after the first batches this reads nothing.
 */
export async function addUsers(query: LookupQuery, users: Map<number, UserOption>, records: readonly EventRowRecord[]): Promise<void> {
  const missing = new Set<number>();
  for (const record of records) {
    for (const id of [record.actorId, record.targetUserId]) if (id !== null && !users.has(id)) missing.add(id);
  }
  if (missing.size === 0) return;
  const ids = [...missing];
  const found = await query<UserOption>(
    `SELECT id, username, "displayName", "avatarUrl", enabled FROM "User" WHERE id IN (${ids.map((_, index) => `$${index + 1}`).join(", ")})`,
    ids,
  );
  for (const user of found) users.set(user.id, user);
}

/** Records as export events, batch by batch, each user looked up once per export (addUsers). */
export async function* exportEvents(batches: AsyncIterable<Array<EventRowRecord & StoredColumns>>, query: LookupQuery): AsyncGenerator<ExportEvent[]> {
  const users = new Map<number, UserOption>();
  for await (const records of batches) {
    await addUsers(query, users, records);
    yield records.map((record) => toExportEvent(record, users));
  }
}

/** The tabs' row of the event, plus its whole change list. */
export function toExportEvent(record: EventRowRecord & StoredColumns, users: ReadonlyMap<number, UserOption> = new Map()): ExportEvent {
  const { changes } = parseChanges(record.changes);
  const event: ExportEvent = Object.assign(toEventRow(record, users, {}, changes), { changes });
  if (record.details !== undefined) event.stored = { changes: record.changes, details: record.details, sourceEventId: record.sourceEventId ?? null };
  return event;
}

/** A change value as one line of text: "High", "bob, carol", "Developer=Read; Tester=Write". */
export function changeValueText(value: ChangeValue): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.join(", ");
  if ("name" in value && typeof value.name === "string" && "id" in value) return value.name;
  return Object.entries(value)
    .map(([key, access]) => `${key}=${access}`)
    .join("; ");
}

/** The longest value a Changes cell prints whole; a longer text is told in word counts. */
export const SHORT_CHANGE = 300;

const oneLine = (value: ChangeValue) => changeValueText(value).replace(/\s+/g, " ").trim() || "None";

/**
 * The changes in one cell (PDF and Excel), a field per part: short values in full ("Status: New →
 * In Progress", "Description: The pump stops → The pump stops within 2 s"), a longer text in word
 * counts as the timelines give it ("Description: 14 words removed, 4 added"), lists as the items
 * added and removed, access as the roles that changed. A create names the initial values, a delete
 * the last ones. Excel's Old values and New values columns, the CSV and JSON lines hold every value in full.
 */
export function changesText(event: Pick<ExportEvent, "changes" | "eventType">): string {
  const mode = diffModeOf(event.eventType);
  // The timelines' account, made only where a value is too long to print or is a list or access grid.
  const summary = (change: FieldChange) => summarizeChanges([change], mode)[0].text;
  return event.changes
    .map((change) => {
      const short = Math.max(changeValueText(change.old).length, changeValueText(change.new).length) <= SHORT_CHANGE;
      if (!short || change.kind === "access" || change.kind === "list") return `${change.field}: ${summary(change)}`;
      if (mode === "create") return `${change.field}: ${oneLine(change.new)}`;
      if (mode === "delete") return `${change.field}: ${oneLine(change.old)}`;
      return `${change.field}: ${oneLine(change.old)} → ${oneLine(change.new)}`;
    })
    .join("; ");
}

/** Each change's whole value on one side ("old" or "new"), a field per paragraph: "Description: <the whole text>"; a field without a value on that side is left out. */
export function changeValues(event: Pick<ExportEvent, "changes">, side: "old" | "new"): string {
  return event.changes
    .filter((change) => change[side] !== null)
    .map((change) => `${change.field}: ${changeValueText(change[side])}`)
    .join("\n\n");
}
