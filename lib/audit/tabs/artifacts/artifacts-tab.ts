// The Artifacts tab: who created, changed, trashed, restored or deleted work items and artifacts.
import { byArtifactName, byColumn, byTime } from "../../search/filter-query";
import { projectsField, sourcesField, trackersField, usersField } from "../search-field";
import { defineSearchTab } from "../search-tab";

export const artifactsTab = defineSearchTab({
  id: "artifacts",
  title: "Artifacts",
  texts: {
    table: "Work item and artifact events",
    form: "Filter work item and artifact events",
    loading: "Loading work item and artifact events",
    empty: {
      title: "No work item or artifact events match these filters",
      description: "Try a longer range, other users, projects, trackers, sources or event types.",
    },
  },
  categories: ["WORK_ITEM", "ARTIFACT"],
  fields: [usersField, projectsField, trackersField, sourcesField],
  rangeLabel: "Created at range",
  sorts: {
    createdAt: byTime,
    user: byColumn("actorName"),
    // Each name column sorts its own kind first, the other kind after it.
    artifact: byArtifactName("ARTIFACT"),
    workItem: byArtifactName("WORK_ITEM"),
    eventType: byColumn("eventType"),
    project: byColumn("projectName"),
    tracker: byColumn("trackerName"),
  },
});
