// How each search tab plugs into the exports: its URL loader (the tab's own nuqs parsers), its zod
// schema and labels, and its where/orderBy functions. Adding a tab is one entry here plus its
// columns in export-columns.ts.
import type { z } from "zod";
import { ARTIFACT_FIELD_LABELS, artifactSearchSchema, artifactsOrderBy, artifactsWhere } from "@/lib/audit/artifacts-filters";
import type { AuditTab } from "@/lib/audit/events/event-types";
import type { AuditOrderBy, AuditWhere } from "@/lib/audit/search/filter-query";
import { LOGIN_FIELD_LABELS, loginSearchSchema, loginsOrderBy, loginsWhere } from "@/lib/audit/logins-filters";
import { PERMISSION_FIELD_LABELS, permissionSearchSchema, permissionsOrderBy, permissionsWhere } from "@/lib/audit/permissions-filters";
import { loadArtifactSearch, loadLoginSearch, loadPermissionSearch } from "@/lib/audit/search-params";
import type { AuditEventType } from "@/lib/audit/events/event-types";
import type { DateRangeValues } from "@/lib/audit/search/filter-schema";

/** What every tab's search has in common, as the exports read it. */
export interface TabSearch extends DateRangeValues {
  users: number[];
  targetUsers?: number[];
  projects?: number[];
  trackers?: number[];
  types: AuditEventType[];
  sort: string;
}

export interface ExportTab {
  tab: AuditTab;
  /** "Logins": the PDF title, the sheet name */
  title: string;
  /** the tab's page, for links back */
  path: string;
  labels: Record<string, string>;
  /** the URL's search, through the tab's parsers (bad values become defaults) */
  load(params: URLSearchParams): Promise<unknown>;
  schema: z.ZodType<TabSearch>;
  where(search: TabSearch, timeZone: string, now: Date): AuditWhere;
  orderBy(sort: string): AuditOrderBy[];
}

// The tabs' functions take their own search types; each schema's output is that type, so the casts
// only hide a variance TypeScript cannot follow through the record.
export const EXPORT_TABS: Record<AuditTab, ExportTab> = {
  logins: {
    tab: "logins",
    title: "Logins",
    path: "/audit/logins",
    labels: LOGIN_FIELD_LABELS,
    load: loadLoginSearch,
    schema: loginSearchSchema as never,
    where: loginsWhere as never,
    orderBy: loginsOrderBy as never,
  },
  artifacts: {
    tab: "artifacts",
    title: "Artifacts",
    path: "/audit/artifacts",
    labels: ARTIFACT_FIELD_LABELS,
    load: loadArtifactSearch,
    schema: artifactSearchSchema as never,
    where: artifactsWhere as never,
    orderBy: artifactsOrderBy as never,
  },
  permissions: {
    tab: "permissions",
    title: "Permissions",
    path: "/audit/permissions",
    labels: PERMISSION_FIELD_LABELS,
    load: loadPermissionSearch,
    schema: permissionSearchSchema as never,
    where: permissionsWhere as never,
    orderBy: permissionsOrderBy as never,
  },
};

export function isExportTab(value: string): value is AuditTab {
  return Object.hasOwn(EXPORT_TABS, value);
}
