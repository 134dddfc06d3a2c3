// POST /api/audit/events: a sending system's events, { "events": [...] } or one per line (application/x-ndjson), stored all or none;
// GET /api/audit/events?query="...": the audit records in ALM Octane's query language and shape, of every source or of source=
import { apiError } from "@/lib/api/api-error";
import { apiRoute } from "@/lib/api/api-route";
import { InputError } from "@/lib/api/input-error";
import { readOctaneAudits } from "@/lib/api/octane/octane-audits";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { IngestLimitError, readIngestBody, validateEvents } from "@/lib/ingest/ingest-request";
import { IngestBusyError, withIngestSlot } from "@/lib/ingest/ingest-slots";
import { recordRefusal } from "@/lib/ingest/source-tally";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: {
    role: "reader",
    action: "Reading the audit trail",
    handle: async ({ request, token }) =>
      Response.json(await readOctaneAudits(token, new URL(request.url).searchParams), { headers: { "Cache-Control": "no-store" } }),
  },
  POST: {
    role: "ingest",
    action: "Sending audit events",
    handle: async ({ request, token }) => {
      const source = token!.source;
      let received = 0;
      try {
        const raw = await readIngestBody(request);
        received = raw.length;
        const events = validateEvents(raw);
        const result = await withIngestSlot(() => ingestEvents(source, events));
        return Response.json({ source, received, ...result }, { headers: { "Cache-Control": "no-store" } });
      } catch (error) {
        if (error instanceof IngestLimitError) {
          await recordRefusal(source, received, error.message);
          return apiError(error.status, error.code, error.message, { field: error.field });
        }
        if (error instanceof InputError) await recordRefusal(source, received, error.message);
        if (error instanceof IngestBusyError) return apiError(503, "ingest_busy", error.message, { retryAfterSeconds: error.retryAfterSeconds });
        throw error;
      }
    },
  },
});
