// GET/PUT /api/audit/config/coverage: which event types are audited; PUT { "eventTypes": { "USER_LOGOUT": false } }
import { requireAdmin } from "@/lib/auth/guard";
import { requestInfo } from "@/lib/auth/request-info";
import { answer, assertSameOrigin, readJsonBody } from "@/lib/audit/config/api-route";
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

export async function GET(): Promise<Response> {
  return answer(async () => Response.json(coverageBody(await getCoverage())));
}

export async function PUT(request: Request): Promise<Response> {
  return answer(async () => {
    assertSameOrigin(request);
    await requireAdmin("Changing which event types are audited");
    const body = await readJsonBody(request);
    const { changes, coverage } = await updateCoverage(body, { via: "api", request: requestInfo(request.headers) });
    return Response.json({
      changed: changes.map((change) => ({ eventType: change.eventType, label: change.label, old: change.old, new: change.new })),
      ...coverageBody(coverage),
    });
  });
}
