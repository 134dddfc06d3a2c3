// The Config tab's inputs: retention days, event type switches and the ALM Octane API's records cap. One zod schema per input, used
// by the form's resolver, the server action and the API route alike. Pure: safe in client code.
import { z } from "zod";
import { inputError } from "@/lib/api/input-error";
import { withoutReservedKeys } from "@/lib/validation/reserved-keys";
import type { AuditCategory, AuditEventType } from "@/lib/generated/prisma/enums";
import { ALL_EVENT_TYPES, categoryOf, eventTypeLabel, parseEventType } from "../events/event-types";
import { COUNT_CAP } from "../search/list-result";

export const RETENTION_MIN_DAYS = 30;
export const RETENTION_MAX_DAYS = 365;
export const RETENTION_DEFAULT_DAYS = 180;

const RANGE = `a whole number of days from ${RETENTION_MIN_DAYS} to ${RETENTION_MAX_DAYS}`;

/** Retention in days, 30 to 365. Messages leave out the field's label: the form shows them under it. */
export const retentionDaysSchema = z
  .number({ error: (issue) => (issue.input === undefined || issue.input === null || issue.input === "" ? `is required (${RANGE})` : `must be ${RANGE}`) })
  .int({ error: `must be ${RANGE}` })
  .min(RETENTION_MIN_DAYS, { error: `must be at least ${RETENTION_MIN_DAYS} days` })
  .max(RETENTION_MAX_DAYS, { error: `may be at most ${RETENTION_MAX_DAYS} days` });

/** The Config tab's retention form. */
export const retentionFormSchema = z.object({ days: retentionDaysSchema });
export type RetentionForm = z.output<typeof retentionFormSchema>;

/** PUT /api/audit/config/retention, in Jira's shape: { "period": { "days": 90 } }; days only. */
export const retentionRequestSchema = z.object(
  {
    // A missing period reads as an empty one, so that the answer names period.days.
    period: z.preprocess(
      (value) => value ?? {},
      z.strictObject(
        { days: retentionDaysSchema },
        { error: (issue) => (issue.code === "unrecognized_keys" ? "give the period in days only" : `must be an object: { "days": ${RANGE} }`) },
      ),
    ),
  },
  { error: `must be a JSON object: { "period": { "days": ${RANGE} } }` },
);

/**
 * The most records one query of the ALM Octane audits API reaches (Octane's MAX_LIMIT_ELASTIC): the
 * counts' own cap. Configuration may lower it, never raise it.
 */
export const OCTANE_MAX_RECORDS_LIMIT = COUNT_CAP;
const RECORDS_RANGE = `a whole number of records from 1 to ${OCTANE_MAX_RECORDS_LIMIT.toLocaleString("en-US")}`;

export const octaneMaxRecordsSchema = z
  .number({
    error: (issue) => (issue.input === undefined || issue.input === null || issue.input === "" ? `is required (${RECORDS_RANGE})` : `must be ${RECORDS_RANGE}`),
  })
  .int({ error: `must be ${RECORDS_RANGE}` })
  .min(1, { error: `must be ${RECORDS_RANGE}` })
  .max(OCTANE_MAX_RECORDS_LIMIT, {
    error: `may be at most ${OCTANE_MAX_RECORDS_LIMIT.toLocaleString("en-US")}: the limit can be lowered, never raised`,
  });

/** The Config tab's form for the cap, its server action and the stored setting: { maxRecords: 5000 }. */
export const octaneCapFormSchema = z.object({ maxRecords: octaneMaxRecordsSchema });
export type OctaneCapForm = z.output<typeof octaneCapFormSchema>;

/** The console's own event types: always recorded, so that nobody can hide a change to auditing. */
export const LOCKED_CATEGORY: AuditCategory = "SYSTEM";

export function isLockedEventType(type: AuditEventType): boolean {
  return categoryOf(type) === LOCKED_CATEGORY;
}

/** The groups of the Config tab, in the reference's order, the console's own types last. */
export const COVERAGE_GROUPS: readonly AuditCategory[] = ["LOGIN", "WORK_ITEM", "ARTIFACT", "PERMISSION", "SYSTEM"];

/** A type's switch, by the enum name, the label or the API spelling ("USER_LOGOUT", "User Logout", "User_Logout"). */
export const coverageSwitchesSchema = withoutReservedKeys(
  z.record(z.string(), z.boolean({ error: "must be true (audited) or false (not audited)" }), {
    error: 'must be an object of event types and true or false: { "USER_LOGOUT": false }',
  }),
)
  .superRefine((switches, ctx) => {
    for (const [key, enabled] of Object.entries(switches)) {
      const type = parseEventType(key);
      if (!type) ctx.addIssue({ code: "custom", path: [key], message: `is not an event type (${ALL_EVENT_TYPES.join(", ")})` });
      else if (isLockedEventType(type) && !enabled) {
        ctx.addIssue({ code: "custom", path: [key], message: `${eventTypeLabel(type)} is always audited and cannot be switched off` });
      }
    }
  })
  .transform((switches) => {
    const normalized: Partial<Record<AuditEventType, boolean>> = {};
    for (const [key, enabled] of Object.entries(switches)) normalized[parseEventType(key) as AuditEventType] = enabled;
    return normalized;
  });

/** PUT /api/audit/config/coverage and the Config tab's save: the switches to set, by type. */
export const coverageRequestSchema = z.object(
  { eventTypes: coverageSwitchesSchema },
  { error: 'must be a JSON object: { "eventTypes": { "USER_LOGOUT": false } }' },
);

/** Labels for the fields people see; other fields are named by their path. */
export const CONFIG_FIELD_LABELS: Record<string, string> = {
  "period.days": "Retention period (days)",
  days: "Retention period (days)",
  maxRecords: "Records per query",
};

/** Validates `input` with `schema`, or throws InputError naming the first bad field. */
export function parseConfigInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw inputError(parsed.error, CONFIG_FIELD_LABELS);
}
