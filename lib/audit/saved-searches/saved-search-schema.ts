// A saved search's input (one zod schema for the save dialog, the server action and the data
// function) and its query both ways: made from a tab's URL with the pager's place left out, and read
// back by the tab's own URL parser, so that a saved search the tab can no longer read says why.
// Pure: safe to import from client components.
import { z } from "zod";
import { describeErrors } from "../search/filter-schema";
import { getSearchTab, SEARCH_TABS, type SearchTabId } from "../tabs/search-tabs";
import { readTabUrl, serializeTabSearch } from "../tabs/tab-url";

export const SAVED_SEARCH_NAME_MAX = 100;
/** how many saved searches one person may keep on one tab: a list, not a dump */
export const SAVED_SEARCHES_PER_TAB = 100;
/** where the pager stood: not part of what a saved search selects */
const PAGER_KEYS = ["page", "after", "before"] as const;

const TAB_IDS = Object.keys(SEARCH_TABS) as [SearchTabId, ...SearchTabId[]];

export const savedSearchInputSchema = z.object({
  tab: z.enum(TAB_IDS, { error: `is not a search tab: use ${TAB_IDS.join(", ")}` }),
  name: z
    .string({ error: "give the search a name" })
    .trim()
    .min(1, "give the search a name")
    .max(SAVED_SEARCH_NAME_MAX, `may be at most ${SAVED_SEARCH_NAME_MAX} characters`),
  /** the tab's URL query as the address bar has it: "users=3&range=Today&page=2" */
  query: z.string({ error: "must be the tab's URL query" }).max(8_000, "are too long to save (at most 8,000 characters)"),
  shared: z.boolean({ error: "must be true or false" }).default(false),
});

export type SavedSearchInput = z.input<typeof savedSearchInputSchema>;
export type SavedSearchSpec = z.output<typeof savedSearchInputSchema>;

export const SAVED_SEARCH_LABELS: Record<string, string> = { tab: "Tab", name: "Name", query: "Filters", shared: "Shared" };

export const deleteSavedSearchSchema = z.object({ id: z.number({ error: "must be a saved search's id" }).int().positive() });

export type SavedQueryReading = { ok: true; query: string } | { ok: false; message: string };

/**
 * A tab's URL query as a saved search keeps it: read by the tab's parser, the pager's place left
 * out, written back in the tab's own spelling ("range=Last_7_Days&types=USER_LOGIN"). A query the
 * tab refuses gives the refusals, each named by its field's label.
 */
export function readSavedQuery(tabId: SearchTabId, query: string): SavedQueryReading {
  const tab = getSearchTab(tabId);
  const params = new URLSearchParams(query);
  for (const key of PAGER_KEYS) params.delete(key);
  const { valid, errors } = readTabUrl(tab, params);
  if (!valid) return { ok: false, message: describeErrors(errors, tab.labels) };
  const written = serializeTabSearch(tab, { ...valid, page: 1, after: null, before: null });
  return { ok: true, query: written.replace(/^\?/, "") };
}
