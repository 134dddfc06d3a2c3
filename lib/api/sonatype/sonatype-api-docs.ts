// The OpenAPI description of Sonatype Lifecycle's audit log API (app/api/v2/auditLogs), from the
// schemas the route reads its query with and writes its lines by. Pure.
import type { ApiOperationDoc } from "@/lib/api/openapi/api-docs";
import { AUDIT_LOG_TYPES, auditLogsQuerySchema } from "./audit-log-request";
import { auditLogLineSchema } from "./audit-log-lines";

export const SONATYPE_API_DOCS: ApiOperationDoc[] = [
  {
    method: "get",
    path: "/api/v2/auditLogs",
    summary: "Audit log lines of whole UTC days, oldest first",
    description: [
      "Sonatype Lifecycle's audit log API: every event from 00:00:00.000 UTC of startUtcDate to 23:59:59.999 UTC of endUtcDate, one JSON object per line (the schema below is one line's), in ascending time, events of the same millisecond by id.",
      `Streamed: no page size, no cap and no one-year rule. As text/plain (Sonatype's own type), or as ${AUDIT_LOG_TYPES.ndjson.split(";")[0]} when Accept names it. X-Export-Rows says how many lines. Each pull is recorded as an Audit Export event and runs in an export slot.`,
      "Sonatype's clients authenticate with HTTP Basic: any username and the API token as the password (`curl -u anyname:<token>`).",
    ].join("\n\n"),
    tag: "Sonatype",
    access: "reader",
    query: auditLogsQuerySchema,
    responses: {
      200: { description: "The lines, each a JSON object of this shape followed by a line feed.", contentType: "text/plain", schema: auditLogLineSchema },
      400: { description: "A day missing or not a day (YYYY-MM-DD), or endUtcDate before startUtcDate; `field` names the parameter." },
      429: { description: "Too many exports and pulls running (yours or everyone's): see Retry-After." },
    },
  },
];
