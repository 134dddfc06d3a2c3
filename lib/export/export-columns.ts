// What the exports show: the columns the tabs choose theirs from (Excel and PDF), and every tab's
// CSV lines in Blueprint's layout (reference/003: one line per changed field) and JSON lines. Pure.
import { eventMessage, messageText } from "@/lib/audit/events/message";
import { CONSOLE_SOURCE, sourceLabel } from "@/lib/audit/events/sources";
import type { UserRef } from "@/lib/audit/events/user-refs";
import { formatIsoWithOffset } from "@/lib/time/zoned";
import { csvConstant, csvField } from "./csv";
import { changesText, changeValues, changeValueText, type ExportEvent } from "./export-event";

export interface ExportColumn {
  header: string;
  /** Excel width in characters; the PDF shares out its page width in the same proportions, or in `pdfWidth`'s */
  width: number;
  /**
   * the PDF's share where it differs from Excel's: a landscape page is narrower than a sheet, so a
   * time, a label or a name wraps in its cell and the Changes prose gets the room
   */
  pdfWidth?: number;
  /** a date column: an Excel date cell, "YYYY-MM-DD HH:mm:ss" in the PDF */
  date?: boolean;
  /** false: left out of the PDF, whose page is narrower than a sheet */
  pdf?: false;
  /** a username column: struck through when the user is disabled */
  user?: (event: ExportEvent) => UserRef | null;
  value: (event: ExportEvent) => string | Date;
}

const userName = (user: UserRef | null) => (user ? user.username : "");
const userStatus = (user: UserRef | null) => (!user?.exists ? "" : user.enabled ? "Enabled" : "Disabled");

function artifactOfKind(kind: "ARTIFACT" | "WORK_ITEM") {
  return (event: ExportEvent) => (event.artifact && (event.artifact.kind ?? "ARTIFACT") === kind ? event.artifact.name : "");
}

/** The columns the tabs' exports are made of (each tab lists its own: tabs/<tab>/<tab>-export-columns.ts). */
export const COLUMNS = {
  createdAt: { header: "Created at", width: 24, pdfWidth: 16, date: true, value: (event) => event.createdAt },
  user: { header: "User", width: 18, user: (event) => event.actor, value: (event) => userName(event.actor) },
  userName: { header: "Name", width: 18, user: (event) => event.actor, value: (event) => event.actor.displayName },
  userStatus: { header: "User status", width: 14, value: (event) => userStatus(event.actor) },
  eventType: { header: "Event Type", width: 24, pdfWidth: 14, value: (event) => event.label },
  artifactName: { header: "Artifact", width: 28, pdfWidth: 18, value: (event) => event.artifact?.name ?? "" },
  artifact: { header: "Artifact", width: 28, value: artifactOfKind("ARTIFACT") },
  workItem: { header: "Work Item", width: 28, value: artifactOfKind("WORK_ITEM") },
  project: { header: "Project", width: 22, pdfWidth: 14, value: (event) => event.project?.name ?? "" },
  tracker: { header: "Tracker", width: 18, value: (event) => event.tracker?.name ?? "" },
  targetUser: { header: "Target user", width: 18, user: (event) => event.targetUser, value: (event) => userName(event.targetUser) },
  /** a permission event's message as the Permissions tab shows it ("Impacted User: ...") */
  permissionMessage: { header: "Message", width: 36, value: (event) => messageText(eventMessage(event)) },
  message: { header: "Message", width: 60, value: (event) => event.message ?? "" },
  changes: { header: "Changes", width: 50, pdfWidth: 70, value: changesText },
  /** every changed field's whole old value: Excel only (a text past a cell's limit goes on in continuation rows) */
  oldValues: { header: "Old values", width: 60, pdf: false, value: (event) => changeValues(event, "old") },
  newValues: { header: "New values", width: 60, pdf: false, value: (event) => changeValues(event, "new") },
  ip: { header: "IP address", width: 16, value: (event) => event.ip ?? "" },
  userAgent: { header: "User agent", width: 40, pdf: false, value: (event) => event.userAgent ?? "" },
  source: { header: "Source", width: 16, value: (event) => sourceLabel(event.source) },
  /** what a printed or filtered row is traced back by */
  eventId: { header: "Event ID", width: 10, value: (event) => event.id },
} satisfies Record<string, ExportColumn>;

/** Blueprint's audit log columns, in its order (reference/003). */
export const BLUEPRINT_HEADERS = [
  "DateTime",
  "UserID",
  "UserName",
  "Scope",
  "ProjectID",
  "ProjectName",
  "Area",
  "Action",
  "ObjectId",
  "ObjectName",
  "Attribute",
  "NewValue",
  "OldValue",
  "Details",
] as const;

/** " KEY=value", or nothing for an empty value. */
const pair = (key: string, value: string | null | undefined) => (value ? ` ${key}=${value}` : "");

/** Key=value pairs of what Blueprint's columns have no place for. Runs once per event of a million-row export. */
function details(event: ExportEvent): string {
  const permission = event.category === "PERMISSION";
  const text =
    pair("EVENT_ID", event.id) +
    pair("SOURCE", event.source ?? CONSOLE_SOURCE) +
    pair("TRACKER", event.tracker?.name) +
    (permission ? pair("TARGET_USER", event.targetUser?.username) : "") +
    pair("MESSAGE", permission ? messageText(eventMessage(event)) : event.message) +
    pair("USER_STATUS", userStatus(event.actor)) +
    pair("IP", event.ip);
  return text.slice(1);
}

/** A number's field: the digits, or nothing. */
const numberField = (value: number | null) => (value === null ? "" : String(value));

/**
 * The CSV lines of one event (RFC 4180, CRLF): one per changed field, or one with a blank Attribute.
 * The columns every line of the event shares are encoded once; Attribute, NewValue and OldValue go
 * in between. A million-event export runs this a million times: one template per line, csvField only
 * where a value may need quotes or the formula guard (the time, ids and the product's own labels never do).
 */
export function blueprintLines(event: ExportEvent, timeZone: string): string[] {
  const project = event.project;
  const artifact = event.artifact;
  const target = artifact ?? event.targetUser ?? event.actor;
  const targetName = artifact ? artifact.name : (event.targetUser ?? event.actor).username;
  const before = `${formatIsoWithOffset(event.createdAt, timeZone)},${numberField(event.actor.id)},${csvField(event.actor.username)},${project ? `Project,${numberField(project.id)},${csvField(project.name)}` : "Instance,,"},${csvConstant(event.categoryLabel)},${csvConstant(event.label)},${numberField(target.id)},${csvField(targetName)}`;
  const after = csvField(details(event));
  const { changes } = event;
  if (changes.length === 0) return [`${before},,,,${after}\r\n`];
  const lines = new Array<string>(changes.length);
  for (let index = 0; index < changes.length; index += 1) {
    const change = changes[index];
    lines[index] = `${before},${csvField(change.field)},${csvField(changeValueText(change.new))},${csvField(changeValueText(change.old))},${after}\r\n`;
  }
  return lines;
}

/**
 * One JSON line's object: every field of the event, times as ISO 8601 with the zone's offset; read
 * with its stored columns (selectEvents' `stored`), also the changes as stored, details and
 * sourceEventId, so that a verifier recomputes the event's leaf hash from the line alone
 * (lib/audit/integrity/export-verify.ts jsonLineLeafRecord).
 */
export function jsonLineObject(event: ExportEvent, timeZone: string): Record<string, unknown> {
  const user = (ref: UserRef | null) => (ref ? { id: ref.id, username: ref.username, nameAtEvent: ref.name, enabled: ref.exists ? ref.enabled : null } : null);
  const line: Record<string, unknown> = {
    id: event.id,
    createdAt: formatIsoWithOffset(event.createdAt, timeZone),
    eventType: event.eventType,
    eventTypeLabel: event.label,
    category: event.category,
    user: user(event.actor),
    targetUser: user(event.targetUser),
    project: event.project,
    tracker: event.tracker,
    artifact: event.artifact,
    message: event.message,
    changes: event.changes,
    ip: event.ip,
    userAgent: event.userAgent,
    source: event.source,
  };
  if (event.stored) {
    line.sourceEventId = event.stored.sourceEventId;
    line.details = event.stored.details;
    line.storedChanges = event.stored.changes;
  }
  return line;
}
