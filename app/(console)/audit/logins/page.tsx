// /audit/logins: who signed in and out of the ALM, when and from where.
import { Suspense } from "react";
import type { Metadata } from "next";
import { Stack } from "@mantine/core";
import { DataTableError } from "@/components/data-table/data-table-states";
import { requirePageReader } from "@/lib/auth/page-guard";
import { checkSearch, describeErrors } from "@/lib/audit/filter-schema";
import { LOGIN_FIELD_LABELS, loginSearchSchema } from "@/lib/audit/logins-filters";
import { loadLoginSearch } from "@/lib/audit/search-params";
import { userOptionsByIds } from "@/lib/audit/user-lookup";
import { getAdminTimeZone } from "@/lib/time/admin-time-zone";
import { LoginsFilters } from "./_components/logins-filters";
import { LoginsResults } from "./_components/logins-results";
import { LoginsSkeleton } from "./_components/logins-skeleton";

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
      {valid ? (
        <Suspense key={JSON.stringify(valid)} fallback={<LoginsSkeleton rows={valid.size} />}>
          <LoginsResults search={valid} timeZone={timeZone} />
        </Suspense>
      ) : (
        <DataTableError title="These filters cannot be searched" message={describeErrors(errors, LOGIN_FIELD_LABELS)} />
      )}
    </Stack>
  );
}
