// GET/PUT /api/audit/config/retention: how long Login and Work Item / Artifact events are kept; PUT { "period": { "days": 90 } }
import { apiRoute } from "@/lib/api/api-route";
import { requestInfo } from "@/lib/auth/request-info";
import { CONFIG_FIELD_LABELS, RETENTION_MAX_DAYS, RETENTION_MIN_DAYS, retentionRequestSchema } from "@/lib/audit/config/config-schemas";
import { getRetention, updateRetention, type Retention } from "@/lib/audit/config/retention-settings";
import { getRemoverStatus } from "@/lib/audit/retention/remover-status";

async function retentionBody(retention: Retention) {
  const remover = await getRemoverStatus();
  return {
    period: { days: retention.days },
    source: retention.source,
    updatedAt: retention.updatedAt,
    updatedBy: retention.updatedBy,
    limits: { minDays: RETENTION_MIN_DAYS, maxDays: RETENTION_MAX_DAYS },
    remover: {
      schedule: remover.schedule,
      timeZone: remover.timeZone,
      nextRunAt: remover.nextRunAt,
      running: remover.running !== null,
      lastRun: remover.lastRun,
    },
  };
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: { role: "reader", action: "Reading the audit retention", handle: async () => Response.json(await retentionBody(await getRetention())) },
  PUT: {
    role: "admin",
    action: "Changing the audit retention",
    body: retentionRequestSchema,
    labels: CONFIG_FIELD_LABELS,
    async handle({ request, body }) {
      const { changed, retention } = await updateRetention(body, { via: "api", request: requestInfo(request.headers) });
      return Response.json({ changed, ...(await retentionBody(retention)) });
    },
  },
});
