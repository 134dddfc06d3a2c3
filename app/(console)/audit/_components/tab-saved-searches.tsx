// Above a search tab's filters: its saved searches (the viewer's own and the shared ones) and Save
// search for the filters in the URL, summed up in words for the save dialog. A server component.
import { filterLines } from "@/lib/export/filter-summary";
import { instantRange } from "@/lib/audit/search/filter-query";
import type { SelectedOptions } from "@/lib/audit/search/selected-options";
import { readSavedQuery } from "@/lib/audit/saved-searches/saved-search-schema";
import { listSavedSearches } from "@/lib/audit/saved-searches/saved-searches";
import { getSearchTab, type SearchTabId } from "@/lib/audit/tabs/search-tabs";
import type { TabSearch } from "@/lib/audit/tabs/search-tab";
import type { UrlQuery } from "@/lib/audit/tabs/tab-url";
import { requirePageReader } from "@/lib/auth/page-guard";
import { SavedSearchesBar } from "./saved-searches-bar";

interface TabSavedSearchesProps {
  tab: SearchTabId;
  /** the page's URL query */
  query: UrlQuery;
  /** the URL's search when the tab can use it, else null (nothing to save) */
  valid: TabSearch | null;
  selected: SelectedOptions;
  timeZone: string;
}

function toSearchParams(query: UrlQuery): URLSearchParams {
  if (query instanceof URLSearchParams) return query;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const one of [value ?? []].flat()) params.append(key, one);
  return params;
}

/** "user.asc" as the save dialog says it: "User, ascending"; the default reads "Created at, newest first". */
function sortText(sort: string): string {
  const [key = "", direction] = sort.split(".");
  const column = key.replace(/([A-Z])/g, " $1").toLowerCase();
  const order = key === "createdAt" ? (direction === "asc" ? "oldest first" : "newest first") : direction === "asc" ? "ascending" : "descending";
  return `${column.charAt(0).toUpperCase()}${column.slice(1)}, ${order}`;
}

export async function TabSavedSearches({ tab: id, query, valid, selected, timeZone }: TabSavedSearchesProps) {
  const principal = await requirePageReader();
  // Saved searches belong to console accounts; a principal without one has none to list.
  if (principal.userId === null) return null;
  const tab = getSearchTab(id);
  const searches = await listSavedSearches(id);
  const current = readSavedQuery(id, toSearchParams(query).toString());
  const summary = valid
    ? [
        ...filterLines(tab, valid, selected, instantRange(valid, timeZone, new Date()), timeZone),
        { label: tab.labels.sort ?? "Sort", value: sortText(valid.sort) },
        { label: tab.labels.size ?? "Rows per page", value: String(valid.size) },
      ]
    : null;
  return (
    <SavedSearchesBar
      tab={id}
      tabTitle={tab.title}
      searches={searches.map(({ createdAt: _, ...search }) => search)}
      currentQuery={current.ok ? current.query : null}
      summary={summary}
      canShare={principal.role === "ADMIN"}
    />
  );
}
