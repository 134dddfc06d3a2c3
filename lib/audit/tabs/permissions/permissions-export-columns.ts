// The Permissions tab's export columns (Excel and PDF).
import { COLUMNS, type ExportColumn } from "@/lib/export/export-columns";

export const PERMISSIONS_EXPORT_COLUMNS: readonly ExportColumn[] = [
  COLUMNS.createdAt,
  COLUMNS.user,
  COLUMNS.userName,
  COLUMNS.userStatus,
  COLUMNS.artifactName,
  COLUMNS.eventType,
  COLUMNS.project,
  COLUMNS.tracker,
  COLUMNS.targetUser,
  COLUMNS.permissionMessage,
  COLUMNS.changes,
  COLUMNS.oldValues,
  COLUMNS.newValues,
  COLUMNS.source,
  COLUMNS.eventId,
];
