// GET /api/v2/auditLogs: Sonatype Lifecycle's audit log, the events of whole UTC days as JSON lines, oldest first, streamed
import { apiRoute, type ApiCall } from "@/lib/api/api-route";
import { countAuditLogLines, PULL_STALL_MS, PULLING, pullAuditLogs } from "@/lib/api/sonatype/audit-log-pull";
import { auditLogContentType, readAuditLogsQuery } from "@/lib/api/sonatype/audit-log-request";
import { requestInfo } from "@/lib/auth/request-info";
import { pullStream } from "@/lib/export/export-stream";

function headers({ request }: ApiCall<unknown>, rows: number): Record<string, string> {
  return { "Content-Type": auditLogContentType(request.headers.get("accept")), "Cache-Control": "no-store", "X-Export-Rows": String(rows) };
}

const daysOf = ({ request }: ApiCall<unknown>) => readAuditLogsQuery(new URL(request.url).searchParams);

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: {
    role: "reader",
    action: PULLING,
    async handle(call) {
      const pull = await pullAuditLogs(daysOf(call), { request: requestInfo(call.request.headers) });
      // A client that goes away ends the pull; one that stops reading is ended after PULL_STALL_MS.
      const body = pullStream(pull.chunks(), { onClose: pull.release, stallMs: PULL_STALL_MS, signal: call.request.signal });
      return new Response(body, { headers: headers(call, pull.rows) });
    },
  },
  // Not GET without its body: that would take a slot and record a pull nobody reads.
  HEAD: {
    role: "reader",
    action: PULLING,
    handle: async (call) => new Response(null, { headers: headers(call, await countAuditLogLines(daysOf(call))) }),
  },
});
