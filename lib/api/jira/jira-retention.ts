// Jira's retention period ({ "period": { "years", "months", "days" } }) over the console's retention
// in days (lib/audit/config/retention-settings.ts): a month counts 30 days, a year 365, and the
// total must be 30 to 365 days, the Config tab's range. Answers give it in days. Pure.
import { z } from "zod";
import { RETENTION_MAX_DAYS, RETENTION_MIN_DAYS } from "@/lib/audit/config/config-schemas";

const DAYS_PER = { years: 365, months: 30, days: 1 } as const;
const RANGE = `${RETENTION_MIN_DAYS} to ${RETENTION_MAX_DAYS} days (a month counts 30 days, a year 365)`;

const count = z
  .number({ error: "must be a whole number" })
  .int({ error: "must be a whole number" })
  .min(0, { error: "may not be negative" })
  .max(10_000, { error: "is too large" });

export const jiraRetentionRequestSchema = z.object(
  {
    period: z
      .strictObject(
        { years: count.optional(), months: count.optional(), days: count.optional() },
        {
          error: (issue) =>
            issue.code === "unrecognized_keys" ? "takes years, months and days only" : `must be an object: { "years", "months", "days" } totalling ${RANGE}`,
        },
      )
      .transform((period, ctx) => {
        const days = (period.years ?? 0) * DAYS_PER.years + (period.months ?? 0) * DAYS_PER.months + (period.days ?? 0);
        if (days < RETENTION_MIN_DAYS || days > RETENTION_MAX_DAYS) {
          ctx.addIssue({ code: "custom", message: `is ${days.toLocaleString("en-US")} days; the retention must be ${RANGE}` });
          return z.NEVER;
        }
        return days;
      }),
  },
  { error: `must be a JSON object: { "period": { "days": 180 } } totalling ${RANGE}` },
);

export const jiraRetentionSchema = z.object({
  period: z.object({ years: z.literal(0), months: z.literal(0), days: z.number().int().min(RETENTION_MIN_DAYS).max(RETENTION_MAX_DAYS) }),
});
export type JiraRetention = z.infer<typeof jiraRetentionSchema>;

export function jiraRetention(days: number): JiraRetention {
  return { period: { years: 0, months: 0, days } };
}
