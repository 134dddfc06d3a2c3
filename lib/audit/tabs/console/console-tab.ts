// The Console tab: what was done in the console itself: configuration changes, exports and purges
// (who exported what, when, with which filters: access to the audit trail is itself audited).
import { byColumn, byTime } from "../../search/filter-query";
import { sourcesField, usersField } from "../search-field";
import { defineSearchTab } from "../search-tab";

export const consoleTab = defineSearchTab({
  id: "console",
  title: "Console",
  texts: {
    table: "Audit Console events",
    form: "Filter Audit Console events",
    loading: "Loading Audit Console events",
    empty: { title: "No Audit Console events match these filters", description: "Try a longer range, other users, sources or event types." },
  },
  categories: ["SYSTEM"],
  fields: [usersField, sourcesField],
  rangeLabel: "Created at range",
  sorts: { createdAt: byTime, user: byColumn("actorName"), eventType: byColumn("eventType"), message: byColumn("message") },
});
