// An audit event as the pull reads it (lib/audit/search/event-sql.ts), for the unit tests of this
// folder: the console's scheduled purge of 2024-03-21T13:39:44.896Z, unless `fields` say otherwise.
import type { EventRowRecord } from "@/lib/audit/events/event-rows";
import { REMOVER_JOB_NAME } from "@/lib/audit/retention/purge";
import { type ExportEvent, toExportEvent } from "@/lib/export/export-event";

export function eventOf(fields: Partial<EventRowRecord> = {}): ExportEvent {
  return toExportEvent({
    id: 42n,
    category: "SYSTEM",
    eventType: "AUDIT_PURGE",
    actorId: null,
    actorName: REMOVER_JOB_NAME,
    targetUserId: null,
    targetUserName: null,
    projectId: null,
    projectName: null,
    trackerId: null,
    trackerName: null,
    artifactId: null,
    artifactName: null,
    artifactKind: null,
    message: null,
    changes: null,
    ip: null,
    userAgent: null,
    createdAt: new Date("2024-03-21T13:39:44.896Z"),
    source: null,
    ...fields,
  });
}
