// GET /rest/auditing/1.0/events: audit events in Jira's shape, newest first by pageCursor or offset, or in storage order by afterId
import { apiError } from "@/lib/api/api-error";
import { readJiraEvents } from "@/lib/api/jira/jira-events";
import { jiraRoute } from "@/lib/api/jira/jira-errors";
import { parseJiraEventsQuery } from "@/lib/api/jira/jira-query";
import { EventWritersBusyError } from "@/lib/db/event-write-lock";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = jiraRoute({
  GET: {
    role: "reader",
    action: "Reading audit events",
    async handle({ request, token }) {
      const url = new URL(request.url);
      try {
        const page = await readJiraEvents(parseJiraEventsQuery(url.searchParams), { token, url });
        return Response.json(page, { headers: { "Cache-Control": "no-store" } });
      } catch (error) {
        if (error instanceof EventWritersBusyError) return apiError(503, "events_being_written", `${error.message} Poll again.`, { retryAfterSeconds: 2 });
        throw error;
      }
    },
  },
});
