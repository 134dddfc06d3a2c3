// `--format blueprint-csv`: Blueprint's audit CSV (reference/003), with its header line. Lines of
// one change (the same DateTime, UserID, ObjectId and Action) become one event whose `changes` hold
// each line's Attribute, OldValue and NewValue; they are gathered over a run of lines of the same
// DateTime, so the lines of changes logged in the same second may interleave. DateTime has no zone:
// it is read in `timeZone`. The sender id is the SHA-256 of (DateTime, UserID, ObjectId, Action).
import { createHash } from "node:crypto";
import { BLUEPRINT_HEADERS } from "@/lib/export/export-columns";
import type { IngestEventInput } from "@/lib/ingest/ingest-schema";
import { zonedInstant } from "@/lib/time/zoned";
import { ARTIFACT_AREAS, type AttributeLine, changeOf, USERS_AREA, userEditType, verbOf } from "./blueprint-mapping";
import { type CsvRecord, csvRecords } from "./csv-records";
import { type EventReader, type ImportCandidate, ImportFormatError, type LineOutcome, settle } from "./import-reader";
import type { ReadTally } from "./import-tally";

const COLUMNS = BLUEPRINT_HEADERS;
type Column = (typeof COLUMNS)[number];
type Row = Record<Column, string>;
const REQUIRED: Column[] = ["DateTime", "UserID", "UserName", "Area", "Action", "ObjectId"];

/** Where each column is, from the header line (any order, any case). */
function columnIndexes(header: string[]): Record<Column, number> {
  const positions = new Map(header.map((name, index) => [name.trim().toLowerCase(), index]));
  const indexes = {} as Record<Column, number>;
  for (const column of COLUMNS) indexes[column] = positions.get(column.toLowerCase()) ?? -1;
  const missing = REQUIRED.filter((column) => indexes[column] === -1);
  if (missing.length > 0) {
    throw new ImportFormatError(`the header line names no ${missing.join(", ")} column: this is not Blueprint's audit CSV (${COLUMNS.join(",")})`);
  }
  return indexes;
}

const BLUEPRINT_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2})$/;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

// Lines come in time order: a minute's instant is worked out once for all of its lines.
let lastMinute = { key: "", ms: 0 };

/** "05/23/2013 14:40:45" in `timeZone` (or an ISO time with its offset, as the console's CSV writes) as ISO 8601, or null. */
export function blueprintTime(text: string, timeZone: string): string | null {
  if (ISO_WITH_OFFSET.test(text)) return text;
  const match = BLUEPRINT_TIME.exec(text.trim());
  if (!match) return null;
  const [month, day, year, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  if (second > 59) return null;
  const key = `${timeZone} ${year}-${month}-${day} ${hour}:${minute}`;
  if (key !== lastMinute.key) {
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59) return null;
    lastMinute = { key, ms: zonedInstant(year, month, day, timeZone, hour, minute).getTime() };
  }
  return new Date(lastMinute.ms + second * 1000).toISOString();
}

/** The lines of one change: the first line's number and every line's row. */
interface Change {
  line: number;
  rows: Row[];
}

function eventOf(change: Change, timeZone: string): LineOutcome {
  const first = change.rows[0]!;
  const kind = `${first.Area} ${first.Action}`;
  const area = first.Area.trim().toLowerCase();
  const verb = verbOf(first.Action);
  const artifactArea = ARTIFACT_AREAS[area];
  if (!verb || (!artifactArea && area !== USERS_AREA)) return { skip: kind };
  const createdAt = blueprintTime(first.DateTime, timeZone);
  if (!createdAt) return { bad: `DateTime "${first.DateTime}" is not MM/DD/YYYY HH:mm:ss` };
  const actorId = first.UserID || first.UserName;
  if (!actorId) return { bad: "has no UserID or UserName" };
  const object = { id: first.ObjectId || first.ObjectName, name: first.ObjectName || first.ObjectId };
  if (!object.id) return { bad: "has no ObjectId or ObjectName" };
  const lines: AttributeLine[] = change.rows
    .filter((row) => row.Attribute)
    .map((row) => ({ attribute: row.Attribute, oldValue: row.OldValue, newValue: row.NewValue }));
  const details = [...new Set(change.rows.map((row) => row.Details).filter(Boolean))].join("\n");
  const event: IngestEventInput = {
    id: createHash("sha256")
      .update(JSON.stringify([first.DateTime, first.UserID, first.ObjectId, first.Action]))
      .digest("hex"),
    type: "",
    createdAt,
    actor: { id: actorId, username: first.UserName || first.UserID },
    details: { area: first.Area, action: first.Action, scope: first.Scope, objectId: first.ObjectId, ...(details ? { details } : {}) },
  };
  if (first.ProjectID || first.ProjectName) event.project = { id: first.ProjectID || first.ProjectName, name: first.ProjectName || first.ProjectID };
  if (lines.length > 0) event.changes = lines.map(changeOf);
  if (artifactArea) {
    event.type = artifactArea.types[verb];
    event.artifact = { id: `${artifactArea.prefix}:${object.id}`, name: object.name, kind: "ARTIFACT" };
    if (area === "projects" && !event.project) event.project = object;
    return { event };
  }
  event.targetUser = { id: object.id, username: object.name };
  if (verb === "create") return { event: { ...event, type: "USER_CREATE" } };
  if (verb === "delete") return { skip: `${kind} (no console event: a deleted user is not a disabled one)` };
  const edit = userEditType(lines);
  if ("skip" in edit) return { skip: `${kind} ${edit.skip}` };
  if ("bad" in edit) return edit;
  event.type = edit.type;
  if (edit.groups) event.artifact = { id: `group:${edit.groups.join(", ")}`, name: edit.groups.join(", "), kind: "ARTIFACT" };
  return { event };
}

function rowOf(record: CsvRecord, indexes: Record<Column, number>): Row {
  const row = {} as Row;
  for (const column of COLUMNS) row[column] = indexes[column] === -1 ? "" : (record.fields[indexes[column]] ?? "").trim();
  return row;
}

/** The changes of a run of lines of one DateTime, in the order their first lines came. */
function* settleRun(run: Map<string, Change>, tally: ReadTally, timeZone: string): Generator<ImportCandidate> {
  for (const change of run.values()) {
    const candidate = settle(eventOf(change, timeZone), change.line, tally, change.rows.length);
    if (candidate) yield candidate;
  }
  run.clear();
}

export const blueprintReader: EventReader = async function* (lines, tally, { timeZone }) {
  let indexes: Record<Column, number> | null = null;
  let width = 0;
  const run = new Map<string, Change>();
  let runTime = "";
  for await (const record of csvRecords(lines, tally)) {
    if (!indexes) {
      indexes = columnIndexes(record.fields);
      width = record.fields.length;
      continue;
    }
    if (record.fields.length === 1 && record.fields[0] === "") continue;
    if (record.fields.length !== width) {
      tally.bad(record.line, `has ${record.fields.length} fields where the header has ${width}`);
      continue;
    }
    const row = rowOf(record, indexes);
    if (row.DateTime !== runTime) {
      yield* settleRun(run, tally, timeZone);
      runTime = row.DateTime;
    }
    const key = JSON.stringify([row.UserID, row.ObjectId, row.Action]);
    const change = run.get(key);
    if (change) change.rows.push(row);
    else run.set(key, { line: record.line, rows: [row] });
  }
  yield* settleRun(run, tally, timeZone);
};
