// The Artifacts tab's export columns (Excel and PDF).
import { COLUMNS, type ExportColumn } from "@/lib/export/export-columns";

export const ARTIFACTS_EXPORT_COLUMNS: readonly ExportColumn[] = [
  COLUMNS.createdAt,
  COLUMNS.user,
  COLUMNS.userName,
  COLUMNS.userStatus,
  COLUMNS.artifact,
  COLUMNS.workItem,
  COLUMNS.eventType,
  COLUMNS.project,
  COLUMNS.tracker,
  COLUMNS.changes,
  COLUMNS.oldValues,
  COLUMNS.newValues,
  COLUMNS.source,
  COLUMNS.eventId,
];
