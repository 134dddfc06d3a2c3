// GET/PUT /rest/auditing/1.0/configuration/retention: the retention period in Jira's shape ({ "period": { "years", "months", "days" } }), answered in days
import { jiraRoute } from "@/lib/api/jira/jira-errors";
import { jiraRetention, jiraRetentionRequestSchema } from "@/lib/api/jira/jira-retention";
import { getRetention, updateRetention } from "@/lib/audit/config/retention-settings";
import { requestInfo } from "@/lib/auth/request-info";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = jiraRoute({
  GET: { role: "reader", action: "Reading the audit retention", handle: async () => Response.json(jiraRetention((await getRetention()).days)) },
  PUT: {
    role: "admin",
    action: "Changing the audit retention",
    body: jiraRetentionRequestSchema,
    async handle({ request, body }) {
      const { retention } = await updateRetention({ period: { days: body.period } }, { via: "api", request: requestInfo(request.headers) });
      return Response.json(jiraRetention(retention.days));
    },
  },
});
