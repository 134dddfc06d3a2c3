// Each entity timeline's export columns (Excel and PDF): what its page shows, spelled as the tabs'
// exports spell it. The entity itself is named in the file's summary, not in a column of its own.
import { COLUMNS, type ExportColumn } from "@/lib/export/export-columns";
import type { TimelineKind } from "./timeline-filters";

const PLACE_EVENT: readonly ExportColumn[] = [COLUMNS.createdAt, COLUMNS.user, COLUMNS.userName, COLUMNS.userStatus, COLUMNS.eventType];

export const TIMELINE_EXPORT_COLUMNS: Record<TimelineKind, readonly ExportColumn[]> = {
  user: [
    COLUMNS.createdAt,
    COLUMNS.eventType,
    COLUMNS.user,
    COLUMNS.targetUser,
    COLUMNS.artifactName,
    COLUMNS.project,
    COLUMNS.tracker,
    COLUMNS.permissionMessage,
    COLUMNS.changes,
    COLUMNS.ip,
    COLUMNS.source,
    COLUMNS.eventId,
  ],
  artifact: [...PLACE_EVENT, COLUMNS.targetUser, COLUMNS.permissionMessage, COLUMNS.changes, COLUMNS.source, COLUMNS.eventId],
  project: [
    ...PLACE_EVENT,
    COLUMNS.artifactName,
    COLUMNS.tracker,
    COLUMNS.targetUser,
    COLUMNS.permissionMessage,
    COLUMNS.changes,
    COLUMNS.source,
    COLUMNS.eventId,
  ],
  tracker: [...PLACE_EVENT, COLUMNS.artifactName, COLUMNS.targetUser, COLUMNS.permissionMessage, COLUMNS.changes, COLUMNS.source, COLUMNS.eventId],
};
