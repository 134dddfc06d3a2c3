// /audit/artifacts: who created, changed, trashed, restored or deleted work items and artifacts.
import type { Metadata } from "next";
import { Stack } from "@mantine/core";
import { TabResults } from "@/components/data-table/search-results";
import { requirePageReader } from "@/lib/auth/page-guard";
import { ARTIFACT_FIELD_LABELS, artifactSearchSchema } from "@/lib/audit/artifacts-filters";
import { searchArtifacts } from "@/lib/audit/artifacts-query";
import { checkSearch } from "@/lib/audit/search/filter-schema";
import { loadArtifactSearch, serializeArtifactSearch } from "@/lib/audit/search-params";
import { loadSelectedOptions } from "@/lib/audit/selected-options";
import { getAdminTimeZone } from "@/lib/time/admin-time-zone";
import { ARTIFACT_COLUMN_LABELS } from "./_components/artifacts-column-labels";
import { ArtifactsFilters } from "./_components/artifacts-filters";
import { ArtifactsTable } from "./_components/artifacts-table";

export const metadata: Metadata = { title: "Artifacts · Audit" };

export default async function ArtifactsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageReader();
  const search = await loadArtifactSearch(searchParams);
  const [timeZone, selected] = await Promise.all([getAdminTimeZone(), loadSelectedOptions(search)]);
  const { valid, errors } = checkSearch(artifactSearchSchema, search);
  const { users, projects, trackers, types, range, from, to } = search;
  const filters = { users, projects, trackers, types, range, from, to };

  return (
    <Stack gap="md">
      <ArtifactsFilters key={JSON.stringify(filters)} values={filters} selected={selected} errors={errors} timeZone={timeZone} />
      <TabResults
        tab="artifacts"
        search={valid}
        errors={errors}
        labels={ARTIFACT_FIELD_LABELS}
        skeleton={{ columns: Object.values(ARTIFACT_COLUMN_LABELS), label: "Loading work item and artifact events" }}
        timeZone={timeZone}
        load={(search) => searchArtifacts(search, { timeZone })}
        serialize={serializeArtifactSearch}
        empty={{ title: "No work item or artifact events match these filters", description: "Try a longer range, other users, projects, trackers or event types." }}
        table={(rows, search) => <ArtifactsTable rows={rows} sort={search.sort} timeZone={timeZone} />}
      />
    </Stack>
  );
}
