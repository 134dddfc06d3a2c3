// The defaults file config/audit-defaults.json (or AUDIT_DEFAULTS_FILE): which event types are
// audited, the retention, the remover's schedule and the ALM Octane API's records cap before anyone
// changes them. Read once per
// process; a bad file stops the server with a message naming the key, never a silent default.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Cron } from "croner";
import { z } from "zod";
import type { AuditEventType } from "@/lib/generated/prisma/enums";
import { isValidTimeZone } from "@/lib/time/zoned";
import { withoutReservedKeys } from "@/lib/validation/reserved-keys";
import { ALL_EVENT_TYPES, parseEventType } from "../events/event-types";
import { isLockedEventType, OCTANE_MAX_RECORDS_LIMIT, octaneMaxRecordsSchema, RETENTION_DEFAULT_DAYS, retentionDaysSchema } from "./config-schemas";

export interface AuditDefaults {
  /** every event type; types the file leaves out are audited */
  eventTypes: Record<AuditEventType, boolean>;
  retentionDays: number;
  /** cron pattern of the remover job (croner syntax) */
  removerSchedule: string;
  /** IANA zone the schedules are read in; null: the server's own */
  removerTimeZone: string | null;
  /** cron pattern of the daily verification of the audit log */
  integrityCheckSchedule: string;
  /** the most records one query of the ALM Octane audits API reaches */
  octaneMaxRecords: number;
}

export const DEFAULT_REMOVER_SCHEDULE = "0 2 * * *";
/** After the remover's run, so that a purge and a verification do not meet. */
export const DEFAULT_INTEGRITY_CHECK_SCHEDULE = "0 4 * * *";

function isCronPattern(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

const cronPattern = (fallback: string) =>
  z.string().refine(isCronPattern, 'is not a cron pattern (minute hour day-of-month month day-of-week, e.g. "0 2 * * *")').default(fallback);

const fileSchema = z.strictObject({
  $comment: z.string().optional(),
  eventTypes: withoutReservedKeys(z.record(z.string(), z.boolean({ error: "must be true or false" })))
    .superRefine((switches, ctx) => {
      for (const key of Object.keys(switches)) {
        const type = parseEventType(key);
        if (type !== key) ctx.addIssue({ code: "custom", path: [key], message: `is not an event type; use one of ${ALL_EVENT_TYPES.join(", ")}` });
        else if (isLockedEventType(type)) ctx.addIssue({ code: "custom", path: [key], message: "is always audited: leave it out of the file" });
      }
    })
    .default({}),
  retention: z.strictObject({ days: retentionDaysSchema.default(RETENTION_DEFAULT_DAYS) }).default({ days: RETENTION_DEFAULT_DAYS }),
  remover: z
    .strictObject({
      schedule: cronPattern(DEFAULT_REMOVER_SCHEDULE),
      timeZone: z.string().refine(isValidTimeZone, 'is not an IANA time zone (e.g. "Europe/Berlin")').nullable().default(null),
    })
    .default({ schedule: DEFAULT_REMOVER_SCHEDULE, timeZone: null }),
  integrityCheck: z.strictObject({ schedule: cronPattern(DEFAULT_INTEGRITY_CHECK_SCHEDULE) }).default({ schedule: DEFAULT_INTEGRITY_CHECK_SCHEDULE }),
  octaneAudits: z.strictObject({ maxRecords: octaneMaxRecordsSchema.default(OCTANE_MAX_RECORDS_LIMIT) }).default({ maxRecords: OCTANE_MAX_RECORDS_LIMIT }),
});

export class AuditDefaultsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuditDefaultsError";
  }
}

export function defaultsFilePath(): string {
  // Read at run time from a path an operator may set: nothing for the bundler to trace.
  return path.resolve(/*turbopackIgnore: true*/ process.env.AUDIT_DEFAULTS_FILE || path.join(process.cwd(), "config", "audit-defaults.json"));
}

/** Reads and checks a defaults file. */
export function loadAuditDefaults(file = defaultsFilePath()): AuditDefaults {
  let text: string;
  try {
    text = readFileSync(/*turbopackIgnore: true*/ file, "utf8");
  } catch (error) {
    throw new AuditDefaultsError(`Cannot read the audit defaults file ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AuditDefaultsError(`The audit defaults file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AuditDefaultsError(`The audit defaults file ${file} is not valid: ${issue?.path.join(".") || "(top level)"} ${issue?.message}`);
  }
  const { eventTypes, retention, remover, integrityCheck, octaneAudits } = parsed.data;
  return {
    eventTypes: Object.fromEntries(ALL_EVENT_TYPES.map((type) => [type, eventTypes[type] ?? true])) as Record<AuditEventType, boolean>,
    retentionDays: retention.days,
    removerSchedule: remover.schedule,
    removerTimeZone: remover.timeZone,
    integrityCheckSchedule: integrityCheck.schedule,
    octaneMaxRecords: octaneAudits.maxRecords,
  };
}

const holder = globalThis as { __auditConsoleDefaults?: { file: string; defaults: AuditDefaults } };

/** The defaults of this process, read from the file on first use. */
export function auditDefaults(): AuditDefaults {
  const file = defaultsFilePath();
  if (holder.__auditConsoleDefaults?.file !== file) holder.__auditConsoleDefaults = { file, defaults: loadAuditDefaults(file) };
  return holder.__auditConsoleDefaults.defaults;
}
