// What a leaf hash covers: every stored field of an event, as a verifier reads it back from the
// database (jsonb reorders keys and rewrites numbers, so what the sender sent is not what is
// hashed). The record is read with one SQL projection that turns every value into text or a
// number the same way on PostgreSQL and PGlite, whatever the driver or the session's time zone:
// ids as decimal text, enums by name, times as ISO 8601 UTC with milliseconds (the column's
// precision), changes and details as the JSON they hold. The leaf is RFC 9162's
// SHA-256(0x00 || the record's RFC 8785 canonical JSON); its keys are the column names.
import { canonicalJson } from "./canonical-json";
import { type Hash, leafHashOfText } from "./merkle";

/** The columns, in the order the record lists them (the canonical JSON sorts them anyway). */
export const EVENT_LEAF_FIELDS = [
  "id",
  "category",
  "eventType",
  "actorId",
  "actorName",
  "targetUserId",
  "targetUserName",
  "projectId",
  "projectName",
  "trackerId",
  "trackerName",
  "artifactId",
  "artifactName",
  "artifactKind",
  "message",
  "changes",
  "details",
  "ip",
  "userAgent",
  "createdAt",
  "source",
  "sourceEventId",
] as const;

export type EventLeafField = (typeof EVENT_LEAF_FIELDS)[number];
type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
/** An event as its leaf hash covers it. */
export type EventLeafRecord = Record<EventLeafField, JsonValue>;

const AS_TEXT = new Set<EventLeafField>(["id", "category", "eventType", "artifactKind", "changes", "details"]);

/** The SELECT list that reads an event for its leaf (from "AuditEvent" with the alias `e`). */
export const EVENT_LEAF_COLUMNS = EVENT_LEAF_FIELDS.map((field) => {
  if (field === "createdAt") return `to_char(e."createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"`;
  return AS_TEXT.has(field) ? `e."${field}"::text AS "${field}"` : `e."${field}"`;
}).join(", ");

/** A row as EVENT_LEAF_COLUMNS reads it. */
export type EventLeafRow = Record<EventLeafField, string | number | null>;

/** The record a row's leaf hash covers: changes and details as JSON values, the rest as read. */
export function eventLeafRecord(row: EventLeafRow): EventLeafRecord {
  const record = {} as EventLeafRecord;
  for (const field of EVENT_LEAF_FIELDS) {
    const value = row[field] ?? null;
    record[field] = (field === "changes" || field === "details") && typeof value === "string" ? (JSON.parse(value) as JsonValue) : value;
  }
  return record;
}

// The record's names are always these: their canonical order and text are worked out once.
const SORTED_FIELDS = [...EVENT_LEAF_FIELDS].sort();
const MEMBER_PREFIXES = SORTED_FIELDS.map((field, i) => `${i === 0 ? "{" : ","}${canonicalJson(field)}:`);

/** canonicalJson(record), without sorting and writing its 22 names for every event (the checkpoint job's and verify's hot path). */
export function eventLeafText(record: EventLeafRecord): string {
  let text = "";
  for (let i = 0; i < SORTED_FIELDS.length; i++) {
    text += (MEMBER_PREFIXES[i] as string) + canonicalJson(record[SORTED_FIELDS[i] as EventLeafField]);
  }
  return `${text}}`;
}

const IS_JSON_FIELD = SORTED_FIELDS.map((field) => field === "changes" || field === "details");

/**
 * eventLeafText(eventLeafRecord(row)) without the record: the checkpoint job's path, where an object
 * of 22 members per event was garbage the moment its text was written.
 */
export function eventLeafTextOfRow(row: EventLeafRow): string {
  let text = "";
  for (let i = 0; i < SORTED_FIELDS.length; i++) {
    const value = row[SORTED_FIELDS[i] as EventLeafField] ?? null;
    // A text column's value came from UTF-8 (the driver decodes invalid bytes to U+FFFD): it holds
    // no lone surrogate, so JSON.stringify writes its RFC 8785 form without canonicalJson's check.
    const json = IS_JSON_FIELD[i]
      ? typeof value === "string"
        ? canonicalJson(JSON.parse(value))
        : "null"
      : typeof value === "string"
        ? JSON.stringify(value)
        : canonicalJson(value);
    text += (MEMBER_PREFIXES[i] as string) + json;
  }
  return `${text}}`;
}

/** RFC 9162 leaf hash of an event's record. */
export function eventLeafHash(record: EventLeafRecord): Hash {
  return leafHashOfText(eventLeafText(record));
}
