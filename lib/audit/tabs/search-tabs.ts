// Every search tab, by id: the tab bar, the pages, the exports and the APIs find a tab here. Pure:
// safe to import from client components.
import { artifactsTab } from "./artifacts/artifacts-tab";
import { consoleTab } from "./console/console-tab";
import { loginsTab } from "./logins/logins-tab";
import { permissionsTab } from "./permissions/permissions-tab";
import type { AnySearchTab } from "./search-tab";

export const SEARCH_TABS = {
  logins: loginsTab,
  artifacts: artifactsTab,
  permissions: permissionsTab,
  console: consoleTab,
} as const;

export type SearchTabId = keyof typeof SEARCH_TABS;

export const SEARCH_TAB_IDS = Object.keys(SEARCH_TABS) as SearchTabId[];

export function isSearchTabId(value: string): value is SearchTabId {
  return Object.hasOwn(SEARCH_TABS, value);
}

export function getSearchTab(id: SearchTabId): AnySearchTab {
  return SEARCH_TABS[id] as unknown as AnySearchTab;
}
