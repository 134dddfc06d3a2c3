// GET/PUT /api/audit/config/coverage: which event types are audited; PUT { "eventTypes": { "USER_LOGOUT": false } }
import { apiRoute } from "@/lib/api/api-route";
import { requestInfo } from "@/lib/auth/request-info";
import { CONFIG_FIELD_LABELS, coverageRequestSchema } from "@/lib/audit/config/config-schemas";
import { getCoverage, updateCoverage, type CoverageEntry } from "@/lib/audit/config/coverage";

function coverageBody(entries: CoverageEntry[]) {
  return {
    eventTypes: entries.map((entry) => ({
      eventType: entry.eventType,
      label: entry.label,
      category: entry.category,
      enabled: entry.enabled,
      default: entry.defaultEnabled,
      locked: entry.locked,
      source: entry.source,
      dropped: entry.dropped,
      lastDroppedAt: entry.lastDroppedAt,
      updatedAt: entry.updatedAt,
      updatedBy: entry.updatedBy,
    })),
  };
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: { role: "reader", action: "Reading which event types are audited", handle: async () => Response.json(coverageBody(await getCoverage())) },
  PUT: {
    role: "admin",
    action: "Changing which event types are audited",
    body: coverageRequestSchema,
    labels: CONFIG_FIELD_LABELS,
    async handle({ request, body }) {
      const { changes, coverage } = await updateCoverage(body, { via: "api", request: requestInfo(request.headers) });
      return Response.json({
        changed: changes.map((change) => ({ eventType: change.eventType, label: change.label, old: change.old, new: change.new })),
        ...coverageBody(coverage),
      });
    },
  },
});
