// An audit event as every export reads it: the tabs' row (lib/audit/events/event-rows.ts) plus the whole change
// list, from the plain SQL rows of event-sql.ts.
import { diffModeOf } from "@/lib/audit/diff/change-diff";
import { summarizeChanges } from "@/lib/audit/diff/change-summary";
import { parseChanges, type ChangeValue, type FieldChange } from "@/lib/audit/events/changes";
import { toEventRow, type EventRow, type EventRowRecord } from "@/lib/audit/events/event-rows";
import type { UserOption } from "@/lib/audit/events/user-refs";

export interface ExportEvent extends EventRow {
  changes: FieldChange[];
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
export async function* exportEvents(batches: AsyncIterable<EventRowRecord[]>, query: LookupQuery): AsyncGenerator<ExportEvent[]> {
  const users = new Map<number, UserOption>();
  for await (const records of batches) {
    await addUsers(query, users, records);
    yield records.map((record) => toExportEvent(record, users));
  }
}

/** The tabs' row of the event, plus its whole change list. */
export function toExportEvent(record: EventRowRecord, users: ReadonlyMap<number, UserOption> = new Map()): ExportEvent {
  const { changes } = parseChanges(record.changes);
  return Object.assign(toEventRow(record, users, {}, changes), { changes });
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

/**
 * The changes in one cell, as the timelines summarise them (lib/audit/diff/change-summary.ts): "Status:
 * New → In Progress; Description: 1 word removed, 3 added; Permissions: Tester: Read → None". A
 * create names the initial values, a delete the last ones. The CSV and JSON lines hold every value.
 */
export function changesSummary(event: Pick<ExportEvent, "changes" | "eventType">): string {
  return summarizeChanges(event.changes, diffModeOf(event.eventType))
    .map((line) => `${line.field}: ${line.text}`)
    .join("; ");
}
