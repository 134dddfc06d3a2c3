// The OpenAPI description of the console's own configuration API (app/api/audit/config/*): which
// event types are audited and how long events are kept, the Config tab's settings. Pure.
import { z } from "zod";
import { type ApiOperationDoc, apiTime } from "@/lib/api/openapi/api-docs";
import { ALL_EVENT_TYPES } from "../events/event-types";
import { COVERAGE_GROUPS, coverageRequestSchema, RETENTION_MAX_DAYS, RETENTION_MIN_DAYS, retentionRequestSchema } from "./config-schemas";

const coverageEntrySchema = z.object({
  eventType: z.enum(ALL_EVENT_TYPES),
  label: z.string().describe('"User Logout"'),
  category: z.enum(COVERAGE_GROUPS as [string, ...string[]]),
  enabled: z.boolean(),
  default: z.boolean().describe("what config/audit-defaults.json says"),
  locked: z.boolean().describe("the console's own event types: always audited"),
  source: z.enum(["database", "default", "always"]).describe("where `enabled` comes from"),
  dropped: z.number().int().describe("events not stored because the type was off"),
  lastDroppedAt: apiTime.nullable(),
  updatedAt: apiTime.nullable(),
  updatedBy: z.string().nullable(),
});

export const coverageAnswerSchema = z.object({ eventTypes: z.array(coverageEntrySchema) });

export const coverageChangeAnswerSchema = coverageAnswerSchema.extend({
  changed: z.array(z.object({ eventType: z.enum(ALL_EVENT_TYPES), label: z.string(), old: z.boolean(), new: z.boolean() })),
});

export const retentionAnswerSchema = z.object({
  period: z.object({ days: z.number().int() }),
  source: z.enum(["database", "default"]),
  updatedAt: apiTime.nullable(),
  updatedBy: z.string().nullable(),
  limits: z.object({ minDays: z.literal(RETENTION_MIN_DAYS), maxDays: z.literal(RETENTION_MAX_DAYS) }),
  remover: z.object({
    schedule: z.string().describe('cron: "0 2 * * *"'),
    timeZone: z.string(),
    nextRunAt: apiTime.nullable(),
    running: z.boolean(),
    lastRun: z.record(z.string(), z.unknown()).nullable().describe("the last purge: when, by whom, what it deleted"),
  }),
});

export const retentionChangeAnswerSchema = retentionAnswerSchema.extend({ changed: z.boolean() });

const TAG = "Configuration";
const invalid = { description: "The body names an unknown event type, a locked one switched off, or days outside 30 to 365 (the message names the field)." };

export const CONFIG_API_DOCS: ApiOperationDoc[] = [
  {
    method: "get",
    path: "/api/audit/config/coverage",
    tag: TAG,
    access: "reader",
    summary: "Which event types are audited",
    responses: { 200: { description: "Every event type with its switch, default and dropped count.", schema: coverageAnswerSchema } },
  },
  {
    method: "put",
    path: "/api/audit/config/coverage",
    tag: TAG,
    access: "admin",
    summary: "Switch event types on or off",
    description: 'Types by enum name, label or API spelling: { "eventTypes": { "USER_LOGOUT": false } }. Recorded as an Audit Config Change.',
    body: { schema: coverageRequestSchema },
    responses: { 200: { description: "What changed, and every type's state now.", schema: coverageChangeAnswerSchema }, 400: invalid },
  },
  {
    method: "get",
    path: "/api/audit/config/retention",
    tag: TAG,
    access: "reader",
    summary: "How long Login and Work Item / Artifact events are kept",
    responses: { 200: { description: "The retention, its limits and the remover job's state.", schema: retentionAnswerSchema } },
  },
  {
    method: "put",
    path: "/api/audit/config/retention",
    tag: TAG,
    access: "admin",
    summary: "Set the retention period",
    description: '{ "period": { "days": 90 } }, 30 to 365 days. Recorded as an Audit Config Change.',
    body: { schema: retentionRequestSchema },
    responses: { 200: { description: "Whether it changed, and the retention now.", schema: retentionChangeAnswerSchema }, 400: invalid },
  },
];
