// How long Login and Work Item / Artifact events are kept: read by the Config tab, the remover job
// and GET /api/audit/config/retention, changed by the tab's save and PUT through updateRetention().
import "server-only";
import { requireAdmin, requireAuditReader } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import type { ChangeContext } from "./config-change";
import { parseConfigInput, retentionDaysSchema, retentionRequestSchema } from "./config-schemas";
import { auditDefaults } from "./defaults";
import type { DbClient } from "./event-switches";
import { loadNumberSetting, type NumberSetting, type StoredNumber, saveNumberSetting } from "./number-setting";

export const RETENTION_SETTING_KEY = "retention";

const RETENTION: NumberSetting = {
  key: RETENTION_SETTING_KEY,
  property: "days",
  schema: retentionDaysSchema,
  defaultValue: () => auditDefaults().retentionDays,
  field: "Retention period (days)",
  message: (old, days) => `Retention period changed from ${old} to ${days} days.`,
};

/** The setting in force, where it comes from, and who saved it when. */
export type Retention = Omit<StoredNumber, "value"> & { days: number };

/** The retention in force. A stored value that is no longer valid reads as the default. No guard. */
export async function loadRetention(client: DbClient): Promise<Retention> {
  const { value, ...stored } = await loadNumberSetting(client, RETENTION);
  return { days: value, ...stored };
}

export async function getRetention(): Promise<Retention> {
  await requireAuditReader("Reading the audit configuration");
  return loadRetention(getDb().prisma);
}

/**
 * Sets the retention from `input` ({ period: { days: 90 } }, validated: 30 to 365). The setting and
 * its AUDIT_CONFIG_CHANGE event commit together; the same value again writes nothing.
 */
export async function updateRetention(input: unknown, context: ChangeContext): Promise<{ changed: boolean; retention: Retention }> {
  const principal = await requireAdmin("Changing the audit retention");
  const { period } = parseConfigInput(retentionRequestSchema, input);
  const changed = await saveNumberSetting(RETENTION, period.days, principal, context);
  return { changed, retention: await loadRetention(getDb().prisma) };
}
