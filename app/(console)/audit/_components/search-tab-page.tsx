// A search tab's page from its declaration: its saved searches, the filter form with the URL's values
// (and refusals next to their fields), the activity chart, then the results with the export bar and
// the tab's table.
import { Stack } from "@mantine/core";
import { TabActivity } from "@/components/activity/tab-activity";
import { TabResults } from "@/components/data-table/search-results";
import { TabFilterForm } from "@/components/filters/tab-filter-form";
import { loadSelectedOptions } from "@/lib/audit/search/selected-options";
import { searchTabEvents } from "@/lib/audit/search/tab-search";
import { getSearchTab, type SearchTabId } from "@/lib/audit/tabs/search-tabs";
import { filtersOf, readTabUrl, type UrlQuery } from "@/lib/audit/tabs/tab-url";
import { requirePageReader } from "@/lib/auth/page-guard";
import { getAdminTimeZone } from "@/lib/time/admin-time-zone";
import { SearchTabTable } from "./search-tab-table";
import { TabSavedSearches } from "./tab-saved-searches";

interface SearchTabPageProps {
  tab: SearchTabId;
  searchParams: Promise<UrlQuery>;
  /** the table's column headers, for the loading skeleton */
  columns: string[];
}

export async function SearchTabPage({ tab: id, searchParams, columns }: SearchTabPageProps) {
  await requirePageReader();
  const tab = getSearchTab(id);
  const query = await searchParams;
  const { values, valid, errors } = readTabUrl(tab, query);
  const [timeZone, selected] = await Promise.all([getAdminTimeZone(), loadSelectedOptions(tab, values)]);
  const filters = filtersOf(tab, values);
  return (
    <Stack gap="md">
      <TabSavedSearches tab={id} query={query} valid={valid} selected={selected} timeZone={timeZone} />
      <TabFilterForm key={JSON.stringify(filters)} tab={id} values={filters} selected={selected} errors={errors} timeZone={timeZone} />
      <TabActivity tab={id} search={valid} timeZone={timeZone} />
      <TabResults
        tab={id}
        search={valid}
        errors={errors}
        skeleton={{ columns, label: tab.texts.loading }}
        timeZone={timeZone}
        load={(search) => searchTabEvents(tab, search, { timeZone })}
        table={(rows, search) => <SearchTabTable tab={id} rows={rows} sort={search.sort} timeZone={timeZone} />}
      />
    </Stack>
  );
}
