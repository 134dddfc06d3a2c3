// /audit/logins: who signed in and out of the ALM, when and from where.
import type { Metadata } from "next";
import { Stack } from "@mantine/core";
import { TabResults } from "@/components/data-table/search-results";
import { requirePageReader } from "@/lib/auth/page-guard";
import { checkSearch } from "@/lib/audit/search/filter-schema";
import { LOGIN_FIELD_LABELS, loginSearchSchema } from "@/lib/audit/logins-filters";
import { searchLogins } from "@/lib/audit/logins-query";
import { loadLoginSearch, serializeLoginSearch } from "@/lib/audit/search-params";
import { userOptionsByIds } from "@/lib/audit/search/user-lookup";
import { getAdminTimeZone } from "@/lib/time/admin-time-zone";
import { LOGIN_COLUMN_LABELS } from "./_components/logins-column-labels";
import { LoginsFilters } from "./_components/logins-filters";
import { LoginsTable } from "./_components/logins-table";

export const metadata: Metadata = { title: "Logins · Audit" };

export default async function LoginsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageReader();
  const search = await loadLoginSearch(searchParams);
  const [timeZone, selectedUsers] = await Promise.all([getAdminTimeZone(), userOptionsByIds(search.users)]);
  const { valid, errors } = checkSearch(loginSearchSchema, search);
  const { users, types, range, from, to } = search;
  const filters = { users, types, range, from, to };

  return (
    <Stack gap="md">
      <LoginsFilters key={JSON.stringify(filters)} values={filters} selectedUsers={selectedUsers} errors={errors} timeZone={timeZone} />
      <TabResults
        tab="logins"
        search={valid}
        errors={errors}
        labels={LOGIN_FIELD_LABELS}
        skeleton={{ columns: Object.values(LOGIN_COLUMN_LABELS), label: "Loading login events" }}
        timeZone={timeZone}
        load={(search) => searchLogins(search, { timeZone })}
        serialize={serializeLoginSearch}
        empty={{ title: "No login events match these filters", description: "Try a longer login range, other users or other event types." }}
        table={(rows, search) => <LoginsTable rows={rows} sort={search.sort} timeZone={timeZone} />}
      />
    </Stack>
  );
}
