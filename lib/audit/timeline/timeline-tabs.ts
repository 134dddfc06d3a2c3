// The search of an entity's timeline, declared as a search tab without list fields: Event Types
// and the range (the one-year rule, Last 365 Days unless chosen), paging, sort by time. So the
// filter form, the URL reader, the result table and the exports of the tabs serve the entity pages
// too; the entity adds its own condition (timeline-filters.ts). Pure: safe to import from client components.
import type { AuditCategory } from "@/lib/generated/prisma/enums";
import { byTime } from "../search/filter-query";
import { defineSearchTab, type AnySearchTab } from "../tabs/search-tab";
import type { TimelineKind } from "./timeline-filters";

export type TimelineTabId = `${TimelineKind}-timeline`;

/** A user acts everywhere; logins name no project, tracker or artifact. */
const CATEGORIES: Record<TimelineKind, readonly AuditCategory[]> = {
  user: ["LOGIN", "WORK_ITEM", "ARTIFACT", "PERMISSION", "SYSTEM"],
  artifact: ["WORK_ITEM", "ARTIFACT", "PERMISSION", "SYSTEM"],
  project: ["WORK_ITEM", "ARTIFACT", "PERMISSION", "SYSTEM"],
  tracker: ["WORK_ITEM", "ARTIFACT", "PERMISSION", "SYSTEM"],
};

/** What the entity is, in the page's and the export's words. */
export const TIMELINE_NOUNS: Record<TimelineKind, string> = { user: "user", artifact: "artifact", project: "project", tracker: "tracker" };

function timelineTab(kind: TimelineKind) {
  const noun = TIMELINE_NOUNS[kind];
  return defineSearchTab({
    id: `${kind}-timeline` as TimelineTabId,
    title: `${noun[0].toUpperCase()}${noun.slice(1)} timeline`,
    texts: {
      table: `The ${noun}'s audit timeline`,
      form: `Filter the ${noun}'s audit timeline`,
      loading: "Loading the timeline",
      empty: { title: `No audit events for this ${noun} match these filters`, description: "Try a longer range, or other event types." },
    },
    categories: CATEGORIES[kind],
    fields: [],
    rangeLabel: "Created at range",
    sorts: { createdAt: byTime },
    rowSummaries: true,
    defaultRange: "Last_365_Days",
  });
}

export const TIMELINE_TABS: Record<TimelineKind, AnySearchTab> = {
  user: timelineTab("user"),
  artifact: timelineTab("artifact"),
  project: timelineTab("project"),
  tracker: timelineTab("tracker"),
};

export const DEFAULT_TIMELINE_SORT = TIMELINE_TABS.user.defaultSort;

export function timelineKindOf(id: TimelineTabId): TimelineKind {
  return id.slice(0, id.indexOf("-")) as TimelineKind;
}
