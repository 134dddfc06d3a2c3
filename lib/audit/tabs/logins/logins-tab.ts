// The Logins tab: who signed in and out, when and from where.
import { byColumn, byTime } from "../../search/filter-query";
import { sourcesField, usersField } from "../search-field";
import { defineSearchTab } from "../search-tab";

export const loginsTab = defineSearchTab({
  id: "logins",
  title: "Logins",
  texts: {
    table: "Login events",
    form: "Filter login events",
    loading: "Loading login events",
    empty: { title: "No login events match these filters", description: "Try a longer login range, other users, sources or event types." },
  },
  categories: ["LOGIN"],
  fields: [usersField, sourcesField],
  rangeLabel: "Login range",
  sorts: { createdAt: byTime, user: byColumn("actorName"), eventType: byColumn("eventType") },
});
