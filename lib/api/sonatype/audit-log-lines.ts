// One line of Sonatype Lifecycle's audit log (reference/004) per audit event: timestamp with its
// offset, remoteIpAddress and userAgent where known, username, domain, type, and the rest in data.
// Sonatype leaves an optional attribute out rather than writing null; so does every line here.
// Domains and types follow the Sonatype importer (lib/import/sonatype-reader.ts) where it reads
// them, so a pulled log imports back as the same events, and Sonatype's own spelling elsewhere
// (authentication, audit-log export). *SYSTEM, Sonatype's name for the server's own actions, names
// the console's scheduled remover job.
import { z } from "zod";
import { changeListSchema } from "@/lib/audit/events/changes";
import type { AuditEventType } from "@/lib/audit/events/event-types";
import { CONSOLE_SOURCE } from "@/lib/audit/events/sources";
import { REMOVER_JOB_NAME } from "@/lib/audit/retention/purge";
import type { ExportEvent } from "@/lib/export/export-event";
import type { SenderIdOf } from "./sender-id-cache";

/** Sonatype's username of a server's own actions: the console's scheduled remover job. */
export const SYSTEM_USERNAME = "*SYSTEM";

export const AUDIT_LOG_DOMAINS = [
  "authentication",
  "work-item",
  "artifact",
  "role",
  "role-membership",
  "user",
  "audit-log",
  "api-token",
  "saved-search",
  "console-user",
] as const;
type Domain = (typeof AUDIT_LOG_DOMAINS)[number];

/** Each event type as Sonatype's domain and type. */
export const AUDIT_LOG_KINDS: Record<AuditEventType, { domain: Domain; type: string }> = {
  USER_LOGIN: { domain: "authentication", type: "login" },
  USER_LOGOUT: { domain: "authentication", type: "logout" },
  USER_SYSTEM_LOGOUT: { domain: "authentication", type: "system-logout" },
  WORK_ITEM_CREATE: { domain: "work-item", type: "create" },
  WORK_ITEM_DELETE: { domain: "work-item", type: "delete" },
  WORK_ITEM_REMOVE: { domain: "work-item", type: "remove" },
  WORK_ITEM_RESTORE: { domain: "work-item", type: "restore" },
  WORK_ITEM_UPDATE: { domain: "work-item", type: "update" },
  ARTIFACT_CREATE: { domain: "artifact", type: "create" },
  ARTIFACT_DELETE: { domain: "artifact", type: "delete" },
  ARTIFACT_REMOVE: { domain: "artifact", type: "remove" },
  ARTIFACT_RESTORE: { domain: "artifact", type: "restore" },
  ARTIFACT_UPDATE: { domain: "artifact", type: "update" },
  ARTIFACT_PERMISSION_CREATE: { domain: "role", type: "create" },
  ARTIFACT_PERMISSION_DELETE: { domain: "role", type: "delete" },
  ARTIFACT_PERMISSION_UPDATE: { domain: "role", type: "update" },
  GROUP_ASSIGN: { domain: "role-membership", type: "add" },
  GROUP_REMOVE: { domain: "role-membership", type: "remove" },
  USER_CREATE: { domain: "user", type: "create" },
  USER_DISABLE: { domain: "user", type: "disable" },
  USER_ENABLE: { domain: "user", type: "enable" },
  AUDIT_CONFIG_CHANGE: { domain: "audit-log", type: "configuration-change" },
  AUDIT_EXPORT: { domain: "audit-log", type: "export" },
  AUDIT_PURGE: { domain: "audit-log", type: "purge" },
  API_TOKEN_CREATE: { domain: "api-token", type: "create" },
  API_TOKEN_REVOKE: { domain: "api-token", type: "revoke" },
  SAVED_SEARCH_CREATE: { domain: "saved-search", type: "create" },
  SAVED_SEARCH_DELETE: { domain: "saved-search", type: "delete" },
  CONSOLE_USER_CREATE: { domain: "console-user", type: "create" },
  CONSOLE_USER_ROLE_CHANGE: { domain: "console-user", type: "role-change" },
  CONSOLE_USER_DISABLE: { domain: "console-user", type: "disable" },
  CONSOLE_USER_ENABLE: { domain: "console-user", type: "enable" },
  CONSOLE_USER_UNLOCK: { domain: "console-user", type: "unlock" },
  CONSOLE_USER_PASSWORD_RESET: { domain: "console-user", type: "password-reset" },
  CONSOLE_USER_PASSWORD_CHANGE: { domain: "console-user", type: "password-change" },
  AUDIT_INTEGRITY_CHECK: { domain: "audit-log", type: "verification" },
};

const optional = (description: string) => z.string().optional().describe(description);

/** `data`: what the event names beyond who did what, ids as the sending system has them. */
const auditLogDataSchema = z.object({
  eventId: z.string().describe("the console's id of the event: unique, and the order of events of the same millisecond"),
  eventType: z.string().describe('the console\'s event type, as the tabs label it: "Work Item Update"'),
  source: z.string().describe(`the sending system; "${CONSOLE_SOURCE}" for the console's own events`),
  actorId: optional("the acting user's id in the sending system"),
  targetUserId: optional("the user the event is about: id in the sending system"),
  targetUsername: optional("the user the event is about: username at the time"),
  projectId: optional("the project's id in the sending system"),
  projectName: optional("the project's name at the time"),
  trackerId: optional("the tracker's id in the sending system"),
  trackerName: optional("the tracker's name at the time"),
  artifactId: optional("the artifact's or work item's id in the sending system"),
  artifactName: optional("the artifact, work item or permission target, as named at the time"),
  artifactKind: z.enum(["WORK_ITEM", "ARTIFACT"]).optional(),
  message: optional("the event's message"),
  changes: changeListSchema.optional().describe("the fields the event changed, each with its old and new value"),
  username: optional("user events: the user created, enabled or disabled (Sonatype's name; also targetUsername)"),
  memberType: z.literal("user").optional().describe("role-membership events: what joined or left the group"),
  memberName: optional("role-membership events: the user who joined or left the group (also targetUsername)"),
  roleName: optional("role-membership events: the group (also artifactName)"),
  name: optional("role events: the permission target whose access changed (also artifactName)"),
});

export const auditLogLineSchema = z.object({
  timestamp: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/)
    .describe("when the event happened: ISO 8601 in UTC with milliseconds and the offset written out, 2024-03-21T10:39:44.896+00:00"),
  remoteIpAddress: optional("the client's address, where the event recorded one"),
  userAgent: optional("the client's User-Agent, where the event recorded one"),
  username: z.string().describe(`who did it, as named at the time; ${SYSTEM_USERNAME} for the console's scheduled remover job`),
  domain: z.enum(AUDIT_LOG_DOMAINS).describe("the functional area"),
  type: z.string().describe("what happened in the domain: login, create, update, export, ..."),
  data: auditLogDataSchema,
});

export type AuditLogLine = z.infer<typeof auditLogLineSchema>;

/** "2024-03-21T10:39:44.896+00:00": the reference writes the offset out, where toISOString says Z. */
export function utcTimestamp(instant: Date): string {
  return `${instant.toISOString().slice(0, -1)}+00:00`;
}

/** The line of one event, `senderId` giving the sending system's ids of what it names. Absent values are undefined: JSON.stringify leaves them out. */
export function auditLogLine(event: ExportEvent, senderId: SenderIdOf): AuditLogLine {
  const { domain, type } = AUDIT_LOG_KINDS[event.eventType];
  const { actor, targetUser, project, tracker, artifact } = event;
  const system = event.source === null && actor.id === null && actor.name === REMOVER_JOB_NAME;
  const target = targetUser?.name;
  return {
    timestamp: utcTimestamp(event.createdAt),
    remoteIpAddress: event.ip ?? undefined,
    userAgent: event.userAgent ?? undefined,
    username: system ? SYSTEM_USERNAME : actor.name,
    domain,
    type,
    data: {
      eventId: event.id,
      eventType: event.label,
      source: event.source ?? CONSOLE_SOURCE,
      actorId: senderId("users", actor.id),
      targetUserId: senderId("users", targetUser?.id),
      targetUsername: target,
      projectId: senderId("projects", project?.id),
      projectName: project?.name,
      trackerId: senderId("trackers", tracker?.id),
      trackerName: tracker?.name,
      artifactId: senderId("artifacts", artifact?.id),
      artifactName: artifact?.name,
      artifactKind: artifact?.kind ?? undefined,
      message: event.message ?? undefined,
      changes: event.changes.length > 0 ? event.changes : undefined,
      // Sonatype's own names, which its tools (and the importer) read, beside the console's.
      username: domain === "user" ? target : undefined,
      memberType: domain === "role-membership" && target ? "user" : undefined,
      memberName: domain === "role-membership" ? target : undefined,
      roleName: domain === "role-membership" ? artifact?.name : undefined,
      name: domain === "role" ? artifact?.name : undefined,
    },
  };
}
