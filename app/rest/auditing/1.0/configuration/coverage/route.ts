// GET/PUT /rest/auditing/1.0/configuration/coverage: audit coverage as Jira's levels by area, over the Config tab's event type switches
import { coverageLevels, coverageSwitches, jiraCoverageRequestSchema } from "@/lib/api/jira/jira-coverage";
import { jiraRoute } from "@/lib/api/jira/jira-errors";
import { getCoverage, updateCoverage } from "@/lib/audit/config/coverage";
import { requestInfo } from "@/lib/auth/request-info";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = jiraRoute({
  GET: { role: "reader", action: "Reading which event types are audited", handle: async () => Response.json(coverageLevels(await getCoverage())) },
  PUT: {
    role: "admin",
    action: "Changing which event types are audited",
    body: jiraCoverageRequestSchema,
    async handle({ request, body }) {
      const { coverage } = await updateCoverage(coverageSwitches(body), { via: "api", request: requestInfo(request.headers) });
      return Response.json(coverageLevels(coverage));
    },
  },
});
