// Every list with a filter form, by id: the search tabs and the entity timelines. Client components
// (the filter form) receive an id and find the declaration here. Pure: safe to import from client components.
import { TIMELINE_TABS, timelineKindOf, type TimelineTabId } from "../timeline/timeline-tabs";
import type { AnySearchTab } from "./search-tab";
import { getSearchTab, isSearchTabId, type SearchTabId } from "./search-tabs";

export type ListTabId = SearchTabId | TimelineTabId;

export function getListTab(id: ListTabId): AnySearchTab {
  return isSearchTabId(id) ? getSearchTab(id) : TIMELINE_TABS[timelineKindOf(id)];
}
