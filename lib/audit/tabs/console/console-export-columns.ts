// The Console tab's export columns (Excel and PDF).
import { COLUMNS, type ExportColumn } from "@/lib/export/export-columns";

export const CONSOLE_EXPORT_COLUMNS: readonly ExportColumn[] = [
  COLUMNS.createdAt,
  COLUMNS.user,
  COLUMNS.userName,
  COLUMNS.userStatus,
  COLUMNS.eventType,
  COLUMNS.message,
  COLUMNS.ip,
  COLUMNS.source,
  COLUMNS.eventId,
];
