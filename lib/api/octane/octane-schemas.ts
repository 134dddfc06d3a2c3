// The ALM Octane audits API's parameters and answer as zod schemas: the routes validate with them,
// the records are written to them, and the OpenAPI document is made from them. Pure.
import { z } from "zod";
import { apiTime } from "@/lib/api/openapi/api-docs";
import { accessMapSchema, userRefSchema } from "@/lib/audit/events/changes";
import { decodeCursor } from "@/lib/audit/search/list-result";
import { OCTANE_ENTITY_TYPES, OCTANE_ACTIONS } from "./octane-entities";

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1_000;

const wholeNumber = (message: string) =>
  z
    .string()
    .regex(/^\d{1,9}$/, message)
    .transform(Number);

/** The query parameters both paths take. */
export const octaneParamsSchema = z.object({
  query: z.string().optional().describe('The clauses, joined by ";" (AND), optionally in double quotes: "entity_type EQ ^epic^;entity_id EQ 1125"'),
  offset: wholeNumber("must be a whole number from 0").optional().describe("Records to skip; offset + the page stay within the records cap"),
  limit: wholeNumber(`must be a whole number from 1 to ${MAX_LIMIT.toLocaleString("en-US")}`)
    .pipe(
      z
        .number()
        .min(1, `must be a whole number from 1 to ${MAX_LIMIT.toLocaleString("en-US")}`)
        .max(MAX_LIMIT, `may be at most ${MAX_LIMIT.toLocaleString("en-US")}`),
    )
    .default(DEFAULT_LIMIT)
    .describe(`Records per page, 1 to ${MAX_LIMIT}; default ${DEFAULT_LIMIT}`),
  cursor: z
    .string()
    .refine((cursor) => decodeCursor(cursor) !== null, 'is not a cursor this API gave (next_cursor: "2026-03-16T09:00:00.000Z,4711")')
    .optional()
    .describe("The next_cursor of the previous page: the records after it, in the same order"),
  order_by: z
    .enum(["-timestamp", "timestamp"], { error: "must be -timestamp (newest first) or timestamp (oldest first)" })
    .default("-timestamp")
    .describe("-timestamp (newest first, the default) or timestamp (oldest first)"),
  fields: z.string().optional().describe("Accepted for Octane's clients and ignored: every record carries all its fields"),
});
export type OctaneParams = z.output<typeof octaneParamsSchema>;

/** GET /api/audit/events adds the source whose events it reads. */
export const eventsParamsSchema = octaneParamsSchema.extend({
  source: z
    .string()
    .optional()
    .describe("The sending system whose events to read, or \"console\" for the console's own; every source when left out. Ids in the query are this source's"),
});

export const workspacePathSchema = z.object({
  space: z.string().describe("Octane's shared space id: any value, the console is the one space"),
  workspace: z.string().describe('A sending system (source) by name, "console" for the console\'s own events, or "all"'),
});

/** A user as Octane's clients read it; id is the sender's, null for the console's own accounts. */
const userReferenceSchema = z.object({ type: z.literal("workspace_user"), id: z.string().nullable(), name: z.string() });
const placeSchema = z.object({ id: z.string().nullable(), name: z.string() });

// A user named by a change of kind "user" as a reference with the sender's id; an { id, name } in a
// change of another kind is the sender's own value, as recorded.
const changeValueSchema = z.union([z.null(), z.string(), z.number(), z.boolean(), z.array(z.string()), userReferenceSchema, userRefSchema, accessMapSchema]);

export const octaneAuditSchema = z.object({
  type: z.literal("audit"),
  id: z.string(),
  entity_type: z.enum(OCTANE_ENTITY_TYPES.map((type) => type.name) as [string, ...string[]]),
  /** the sender's id of the entity; null where it has none (configuration, API access, a permission of no artifact) */
  entity_id: z.string().nullable(),
  entity_name: z.string().nullable(),
  action: z.enum(OCTANE_ACTIONS),
  timestamp: apiTime,
  user: userReferenceSchema,
  changes: z.array(z.object({ field_name: z.string(), old_value: changeValueSchema, new_value: changeValueSchema })),
  /** the console's event type: "Work Item Remove" where action says delete */
  event_type: z.string(),
  message: z.string().nullable(),
  workspace: z.object({ type: z.literal("workspace"), id: z.string() }),
  project: placeSchema.nullable(),
  tracker: placeSchema.nullable(),
});
export type OctaneAudit = z.output<typeof octaneAuditSchema>;
export type OctaneChangeValue = z.output<typeof changeValueSchema>;

export const octaneAuditsSchema = z.object({
  /** the records the query selects, counted up to the cap */
  total_count: z.number().int(),
  /** true when more records match than the cap: narrow the query or page by cursor */
  exceeds_total_count: z.boolean(),
  data: z.array(octaneAuditSchema),
  /** where the next page starts (cursor=); null on the last page */
  next_cursor: z.string().nullable(),
});
export type OctaneAudits = z.output<typeof octaneAuditsSchema>;
