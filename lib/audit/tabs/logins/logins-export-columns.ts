// The Logins tab's export columns (Excel and PDF).
import { COLUMNS, type ExportColumn } from "@/lib/export/export-columns";

export const LOGINS_EXPORT_COLUMNS: readonly ExportColumn[] = [
  COLUMNS.createdAt,
  COLUMNS.user,
  COLUMNS.userName,
  COLUMNS.userStatus,
  COLUMNS.eventType,
  COLUMNS.ip,
  COLUMNS.userAgent,
  COLUMNS.source,
  COLUMNS.eventId,
];
