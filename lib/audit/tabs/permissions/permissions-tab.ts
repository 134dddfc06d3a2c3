// The Permissions tab: artifact permissions, group membership and accounts, and whom they were about.
import { byColumn, byTime } from "../../search/filter-query";
import { projectsField, sourcesField, targetUsersField, trackersField, usersField } from "../search-field";
import { defineSearchTab } from "../search-tab";

export const permissionsTab = defineSearchTab({
  id: "permissions",
  title: "Permissions",
  texts: {
    table: "Permission events",
    form: "Filter permission events",
    loading: "Loading permission events",
    empty: {
      title: "No permission events match these filters",
      description: "Try a longer range, other users, target users, projects, trackers, sources or event types.",
    },
  },
  categories: ["PERMISSION"],
  fields: [usersField, targetUsersField, projectsField, trackersField, sourcesField],
  rangeLabel: "Created at range",
  sorts: {
    createdAt: byTime,
    user: byColumn("actorName"),
    artifact: byColumn("artifactName"),
    eventType: byColumn("eventType"),
    project: byColumn("projectName"),
    tracker: byColumn("trackerName"),
    targetUser: byColumn("targetUserName"),
  },
  // The Message column summarises a permission update's changes.
  rowSummaries: true,
});
