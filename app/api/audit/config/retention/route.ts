// GET/PUT /api/audit/config/retention: how long Login and Work Item / Artifact events are kept; PUT { "period": { "days": 90 } }
import { requireAdmin } from "@/lib/auth/guard";
import { requestInfo } from "@/lib/auth/request-info";
import { answer, assertSameOrigin, readJsonBody } from "@/lib/audit/config/api-route";
import { RETENTION_MAX_DAYS, RETENTION_MIN_DAYS } from "@/lib/audit/config/config-schemas";
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

export async function GET(): Promise<Response> {
  return answer(async () => Response.json(await retentionBody(await getRetention())));
}

export async function PUT(request: Request): Promise<Response> {
  return answer(async () => {
    assertSameOrigin(request);
    await requireAdmin("Changing the audit retention");
    const body = await readJsonBody(request);
    const { changed, retention } = await updateRetention(body, { via: "api", request: requestInfo(request.headers) });
    return Response.json({ changed, ...(await retentionBody(retention)) });
  });
}
