// The OpenAPI description of POST /api/audit/events (ingestion), from the schema every event is
// validated with. Its GET (reading events with ALM Octane's query language) is documented with the
// Octane API. Pure.
import { z } from "zod";
import type { ApiOperationDoc } from "@/lib/api/openapi/api-docs";
import { ingestEventSchema, MAX_EVENTS_PER_REQUEST, MAX_REQUEST_BYTES } from "./ingest-schema";

export const ingestAnswerSchema = z.object({
  source: z.string().describe("the token's source: the events are stored under it"),
  received: z.number().int(),
  accepted: z.number().int().describe("stored now"),
  duplicates: z.number().int().describe("stored before under the same sender id: not stored again"),
  dropped: z.number().int().describe("of a type switched off on the Config tab: counted, not stored"),
  expired: z.number().int().describe("older than the retention period: not stored"),
});

export const INGEST_API_DOCS: ApiOperationDoc[] = [
  {
    method: "post",
    path: "/api/audit/events",
    tag: "Ingestion",
    access: "ingest",
    summary: "Send audit events",
    description: `A batch of at most ${MAX_EVENTS_PER_REQUEST.toLocaleString("en-US")} events and ${MAX_REQUEST_BYTES / 1024 / 1024} MB, as { "events": [...] } or as application/x-ndjson (one event a line). Stored all or none; idempotent on each event's \`id\` within the token's source.`,
    body: { schema: z.object({ events: z.array(ingestEventSchema()).max(MAX_EVENTS_PER_REQUEST) }) },
    responses: {
      200: { description: "Every event stored, or known already, or deliberately not stored (the counts say which).", schema: ingestAnswerSchema },
      400: { description: "An event is invalid: the message names its path (events[17].createdAt); nothing was stored." },
      413: { description: "More than 1,000 events or 5 MB." },
      415: { description: "Neither application/json nor application/x-ndjson." },
    },
  },
];
