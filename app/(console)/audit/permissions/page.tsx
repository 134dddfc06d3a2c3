// /audit/permissions: who changed access to trackers, fields, roles and groups, and who created,
// disabled or enabled accounts and moved them between groups.
import type { Metadata } from "next";
import { Stack } from "@mantine/core";
import { TabResults } from "@/components/data-table/search-results";
import { requirePageReader } from "@/lib/auth/page-guard";
import { checkSearch } from "@/lib/audit/search/filter-schema";
import { PERMISSION_FIELD_LABELS, permissionSearchSchema } from "@/lib/audit/permissions-filters";
import { searchPermissions } from "@/lib/audit/permissions-query";
import { loadPermissionSearch, serializePermissionSearch } from "@/lib/audit/search-params";
import { loadSelectedOptions } from "@/lib/audit/selected-options";
import { getAdminTimeZone } from "@/lib/time/admin-time-zone";
import { PERMISSION_COLUMN_LABELS } from "./_components/permissions-column-labels";
import { PermissionsFilters } from "./_components/permissions-filters";
import { PermissionsTable } from "./_components/permissions-table";

export const metadata: Metadata = { title: "Permissions · Audit" };

export default async function PermissionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageReader();
  const search = await loadPermissionSearch(searchParams);
  const [timeZone, selected] = await Promise.all([getAdminTimeZone(), loadSelectedOptions(search)]);
  const { valid, errors } = checkSearch(permissionSearchSchema, search);
  const { users, targetUsers, projects, trackers, types, range, from, to } = search;
  const filters = { users, targetUsers, projects, trackers, types, range, from, to };

  return (
    <Stack gap="md">
      <PermissionsFilters key={JSON.stringify(filters)} values={filters} selected={selected} errors={errors} timeZone={timeZone} />
      <TabResults
        tab="permissions"
        search={valid}
        errors={errors}
        labels={PERMISSION_FIELD_LABELS}
        skeleton={{ columns: Object.values(PERMISSION_COLUMN_LABELS), label: "Loading permission events" }}
        timeZone={timeZone}
        load={(search) => searchPermissions(search, { timeZone })}
        serialize={serializePermissionSearch}
        empty={{ title: "No permission events match these filters", description: "Try a longer range, other users, target users, projects, trackers or event types." }}
        table={(rows, search) => <PermissionsTable rows={rows} sort={search.sort} timeZone={timeZone} />}
      />
    </Stack>
  );
}
