// `--format sonatype-jsonl`: Sonatype Lifecycle's audit log (reference/004: one JSON object a line,
// timestamp, username, domain, type, remoteIpAddress, userAgent, data, error). A line becomes an
// event only where its domain and type have an equivalent here (SONATYPE_EVENTS); every other line,
// and every line that records a failure (`error`), is skipped and counted by kind, never guessed
// at. The sender id is the SHA-256 of the raw line (Sonatype's lines carry no id); what the event
// has no field for stays in `details`.
import { createHash } from "node:crypto";
import { isIP } from "node:net";
import type { AuditEventType } from "@/lib/audit/events/event-types";
import type { IngestEventInput } from "@/lib/ingest/ingest-schema";
import { type EventReader, isJsonObject, type JsonObject, jsonObjectLines, type LineOutcome, settle } from "./import-reader";

/** What else than the actor a line of a kind must name, read from its `data`. */
type Needs = "user" | "role" | "membership";

/**
 * Sonatype's "domain type" → the console's event type. User and role data are read by the names of
 * Lifecycle's REST API (user: username, firstName, lastName, email; role: id, name; membership:
 * roleId, roleName, memberType, memberName); a line without them is unreadable.
 */
export const SONATYPE_EVENTS: Record<string, { type: AuditEventType; needs?: Needs }> = {
  "authentication login": { type: "USER_LOGIN" },
  "authentication logout": { type: "USER_LOGOUT" },
  "user create": { type: "USER_CREATE", needs: "user" },
  "user enable": { type: "USER_ENABLE", needs: "user" },
  "user disable": { type: "USER_DISABLE", needs: "user" },
  "role create": { type: "ARTIFACT_PERMISSION_CREATE", needs: "role" },
  "role update": { type: "ARTIFACT_PERMISSION_UPDATE", needs: "role" },
  "role delete": { type: "ARTIFACT_PERMISSION_DELETE", needs: "role" },
  "role-membership add": { type: "GROUP_ASSIGN", needs: "membership" },
  "role-membership remove": { type: "GROUP_REMOVE", needs: "membership" },
};

const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);
const idText = (value: unknown): string | undefined => (typeof value === "number" ? String(value) : text(value));

/** The user a user line is about. */
function userOf(data: JsonObject): IngestEventInput["targetUser"] {
  const username = text(data.username);
  if (!username) return null;
  const displayName = [text(data.firstName), text(data.lastName)].filter(Boolean).join(" ");
  return { id: username, username, ...(displayName ? { displayName } : {}), ...(text(data.email) ? { email: text(data.email) } : {}) };
}

/** A role as the artifact whose permissions an event is about; "role:" keeps its ids apart from others. */
function roleOf(id: string | undefined, name: string | undefined): IngestEventInput["artifact"] {
  const label = name ?? id;
  return label ? { id: `role:${id ?? label}`, name: label, kind: "ARTIFACT" } : null;
}

/** The target user and role of a kind's line, or why the line is skipped or unreadable. */
function subjectOf(kind: string, needs: Needs | undefined, data: JsonObject): Partial<IngestEventInput> | { skip: string } | { bad: string } {
  switch (needs) {
    case undefined:
      return {};
    case "user": {
      const targetUser = userOf(data);
      return targetUser ? { targetUser } : { bad: `${kind}: data.username is missing` };
    }
    case "role": {
      const artifact = roleOf(idText(data.id), text(data.name));
      return artifact ? { artifact } : { bad: `${kind}: data.name is missing` };
    }
    case "membership": {
      const memberType = text(data.memberType)?.toLowerCase();
      if (memberType && memberType !== "user") return { skip: `${kind} (a ${memberType} member)` };
      const member = text(data.memberName);
      const artifact = roleOf(idText(data.roleId), text(data.roleName));
      if (!member || !artifact) return { bad: `${kind}: data.memberName and data.roleId or data.roleName are needed` };
      return { targetUser: { id: member, username: member }, artifact };
    }
  }
}

function eventOf(raw: string, line: JsonObject): LineOutcome {
  const { timestamp, username, remoteIpAddress, userAgent, ...rest } = line;
  const domain = text(line.domain);
  const type = text(line.type);
  if (!domain || !type) return { bad: "has no domain or type" };
  const kind = `${domain} ${type}`;
  const mapping = SONATYPE_EVENTS[kind];
  if (!mapping) return { skip: kind };
  if (line.error !== undefined) return { skip: `${kind} (failed: ${text(line.error) ?? "error"})` };
  const actor = text(username);
  if (!actor) return { bad: "has no username" };
  const subject = subjectOf(kind, mapping.needs, isJsonObject(line.data) ? line.data : {});
  if ("skip" in subject || "bad" in subject) return subject;
  const ip = text(remoteIpAddress);
  const details: JsonObject = ip && isIP(ip) ? rest : { ...rest, ...(remoteIpAddress === undefined ? {} : { remoteIpAddress }) };
  const event: IngestEventInput = {
    id: createHash("sha256").update(raw).digest("hex"),
    type: mapping.type,
    createdAt: text(timestamp) ?? "",
    actor: { id: actor, username: actor },
    ...subject,
    details: details as IngestEventInput["details"],
  };
  if (ip && isIP(ip)) event.ip = ip;
  if (text(userAgent)) event.userAgent = text(userAgent);
  return { event };
}

export const sonatypeReader: EventReader = async function* (lines, tally) {
  for await (const { number, text: raw, object } of jsonObjectLines(lines, tally)) {
    const candidate = settle(eventOf(raw, object), number, tally);
    if (candidate) yield candidate;
  }
};
