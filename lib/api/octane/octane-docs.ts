// The OpenAPI description of the ALM Octane audits API: Octane's own path, and the same read at
// GET /api/audit/events, from the zod schemas the routes validate with and answer in. Pure.
import { apiErrorBodySchema } from "@/lib/api/openapi/openapi-document";
import type { ApiOperationDoc } from "@/lib/api/openapi/api-docs";
import { OCTANE_MAX_RECORDS_LIMIT } from "@/lib/audit/config/config-schemas";
import { entityTypeList } from "./octane-entities";
import { MAX_CLAUSES, MAX_QUERY_LENGTH } from "./octane-query";
import { eventsParamsSchema, octaneAuditsSchema, octaneParamsSchema, workspacePathSchema } from "./octane-schemas";

const TAG = "ALM Octane";

const DESCRIPTION = [
  'The query: clauses `field OPERATOR value` joined by `;` (AND), strings between `^` and `^`, the whole optionally in double quotes: `"entity_type EQ ^epic^;entity_id EQ 1125"`.',
  "Fields: `entity_type` EQ, `entity_id` EQ, `field_name` EQ, `action` EQ (create, update, delete), `user_id` EQ, `timestamp` EQ, GE, LE, GT or LT (`^2019-01-01T20:59:59Z^`).",
  `Entity types: ${entityTypeList()}. Remove reads as delete, Restore as update; \`event_type\` names the console's own type.`,
  "`entity_id` and `user_id` are the sending system's own ids, of the token's source (a console session: of the workspace or `source` named, or of the only sending system).",
  `At most ${OCTANE_MAX_RECORDS_LIMIT.toLocaleString("en-US")} records a query (configuration may lower the cap): past it, \`total_count\` is the cap and \`exceeds_total_count\` is true. Offsets stay within the cap; \`cursor\` (the answer's \`next_cursor\`) pages anywhere at the cost of a first page.`,
  `A query has at most ${MAX_CLAUSES} clauses and ${MAX_QUERY_LENGTH.toLocaleString("en-US")} characters.`,
].join("\n\n");

const answers = {
  200: { description: "One page of audit records, newest first unless order_by=timestamp.", schema: octaneAuditsSchema },
  400: {
    description:
      'A bad parameter or query; a query\'s refusal names the position of the character at fault in the value as sent (quotes counted): "query: position 12: expected EQ, GE, LE, GT or LT after timestamp, found \\"GX\\"".',
    schema: apiErrorBodySchema,
  },
};

export const OCTANE_API_DOCS: ApiOperationDoc[] = [
  {
    method: "get",
    path: "/api/shared_spaces/{space}/workspaces/{workspace}/audits",
    tag: TAG,
    access: "reader",
    summary: "Audit records, as ALM Octane's audits resource",
    description: `Octane's own path: its clients need only a new host. Any space id is accepted; the workspace is a sending system, \`console\` (the console's own events) or \`all\`.\n\n${DESCRIPTION}`,
    pathParams: workspacePathSchema,
    query: octaneParamsSchema,
    responses: { ...answers, 404: { description: "No sending system has the workspace's name (the message lists them).", schema: apiErrorBodySchema } },
  },
  {
    method: "get",
    path: "/api/audit/events",
    tag: TAG,
    access: "reader",
    summary: "Audit records in ALM Octane's query language and shape",
    description: `The read side of ingestion: every source's events, or those of \`source\`.\n\n${DESCRIPTION}`,
    query: eventsParamsSchema,
    responses: answers,
  },
];
