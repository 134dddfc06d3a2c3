// How long Login and Work Item / Artifact events are kept: read by the Config tab, the remover job
// and GET /api/audit/config/retention, changed by the tab's save and PUT through updateRetention().
import "server-only";
import { z } from "zod";
import { requireAdmin, requireAuditReader } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { lockConfigChanges, recordConfigChange, type ChangeContext } from "./config-change";
import { parseConfigInput, retentionDaysSchema, retentionRequestSchema } from "./config-schemas";
import { auditDefaults } from "./defaults";
import type { DbClient } from "./event-switches";

export const RETENTION_SETTING_KEY = "retention";

const storedRetentionSchema = z.object({ days: retentionDaysSchema });

export interface Retention {
  days: number;
  /** a saved value, or the defaults file */
  source: "database" | "default";
  updatedAt: Date | null;
  updatedBy: string | null;
}

/** The retention in force. A stored value that is no longer valid reads as the default. No guard. */
export async function loadRetention(client: DbClient): Promise<Retention> {
  const row = await client.setting.findUnique({ where: { key: RETENTION_SETTING_KEY } });
  const stored = row ? storedRetentionSchema.safeParse(row.value) : null;
  if (row && stored?.success) return { days: stored.data.days, source: "database", updatedAt: row.updatedAt, updatedBy: row.updatedBy };
  return { days: auditDefaults().retentionDays, source: "default", updatedAt: null, updatedBy: null };
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
  const { prisma } = getDb();
  const changed = await prisma.$transaction(async (tx) => {
    await lockConfigChanges(tx);
    const current = await loadRetention(tx);
    if (current.days === period.days) return false;
    await tx.setting.upsert({
      where: { key: RETENTION_SETTING_KEY },
      create: { key: RETENTION_SETTING_KEY, value: { days: period.days }, updatedBy: principal.username },
      update: { value: { days: period.days }, updatedBy: principal.username },
    });
    await recordConfigChange(tx, principal, context, {
      setting: "retention",
      message: `Retention period changed from ${current.days} to ${period.days} days.`,
      changes: [{ field: "Retention period (days)", kind: "number", old: current.days, new: period.days }],
    });
    return true;
  });
  return { changed, retention: await loadRetention(prisma) };
}
