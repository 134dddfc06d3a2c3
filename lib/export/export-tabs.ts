// Each search tab's export columns (Excel and PDF), by tab: every tab must have them.
import { ARTIFACTS_EXPORT_COLUMNS } from "@/lib/audit/tabs/artifacts/artifacts-export-columns";
import { CONSOLE_EXPORT_COLUMNS } from "@/lib/audit/tabs/console/console-export-columns";
import { LOGINS_EXPORT_COLUMNS } from "@/lib/audit/tabs/logins/logins-export-columns";
import { PERMISSIONS_EXPORT_COLUMNS } from "@/lib/audit/tabs/permissions/permissions-export-columns";
import type { SearchTabId } from "@/lib/audit/tabs/search-tabs";
import type { ExportColumn } from "./export-columns";

export const EXPORT_COLUMNS: Record<SearchTabId, readonly ExportColumn[]> = {
  logins: LOGINS_EXPORT_COLUMNS,
  artifacts: ARTIFACTS_EXPORT_COLUMNS,
  permissions: PERMISSIONS_EXPORT_COLUMNS,
  console: CONSOLE_EXPORT_COLUMNS,
};
