// The most records one query of the ALM Octane audits API reaches (lib/api/octane): 10,000, or less
// where the defaults file or the Config tab lowers it. Read by that API and the Config tab, changed by
// the tab's save through updateOctaneCap(), audited like the retention.
import "server-only";
import { requireAdmin, requireAuditReader } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { type ChangeContext, type ConfigSetting, lockConfigChanges, recordConfigChange } from "./config-change";
import { octaneCapFormSchema, parseConfigInput } from "./config-schemas";
import { auditDefaults } from "./defaults";
import type { DbClient } from "./event-switches";

export const OCTANE_CAP_SETTING_KEY = "octaneAudits" satisfies ConfigSetting;

export interface OctaneCap {
  maxRecords: number;
  /** a saved value, or the defaults file */
  source: "database" | "default";
  updatedAt: Date | null;
  updatedBy: string | null;
}

const numberFormat = new Intl.NumberFormat("en-US");

/** The cap in force. A stored value that is no longer valid reads as the default. No guard. */
export async function loadOctaneCap(client: DbClient): Promise<OctaneCap> {
  const row = await client.setting.findUnique({ where: { key: OCTANE_CAP_SETTING_KEY } });
  const stored = row ? octaneCapFormSchema.safeParse(row.value) : null;
  if (row && stored?.success) return { maxRecords: stored.data.maxRecords, source: "database", updatedAt: row.updatedAt, updatedBy: row.updatedBy };
  return { maxRecords: auditDefaults().octaneMaxRecords, source: "default", updatedAt: null, updatedBy: null };
}

export async function getOctaneCap(): Promise<OctaneCap> {
  await requireAuditReader("Reading the audit configuration");
  return loadOctaneCap(getDb().prisma);
}

/**
 * Sets the cap from `input` ({ maxRecords: 5000 }, validated: 1 to 10,000). The setting and its
 * AUDIT_CONFIG_CHANGE event commit together; the same value again writes nothing.
 */
export async function updateOctaneCap(input: unknown, context: ChangeContext): Promise<{ changed: boolean; cap: OctaneCap }> {
  const principal = await requireAdmin("Changing the ALM Octane API's records cap");
  const { maxRecords } = parseConfigInput(octaneCapFormSchema, input);
  const { prisma } = getDb();
  const changed = await prisma.$transaction(async (tx) => {
    await lockConfigChanges(tx);
    const current = await loadOctaneCap(tx);
    if (current.maxRecords === maxRecords) return false;
    await tx.setting.upsert({
      where: { key: OCTANE_CAP_SETTING_KEY },
      create: { key: OCTANE_CAP_SETTING_KEY, value: { maxRecords }, updatedBy: principal.username },
      update: { value: { maxRecords }, updatedBy: principal.username },
    });
    await recordConfigChange(tx, principal, context, {
      setting: OCTANE_CAP_SETTING_KEY,
      message: `ALM Octane API records per query changed from ${numberFormat.format(current.maxRecords)} to ${numberFormat.format(maxRecords)}.`,
      changes: [{ field: "ALM Octane API: records per query", kind: "number", old: current.maxRecords, new: maxRecords }],
    });
    return true;
  });
  return { changed, cap: await loadOctaneCap(prisma) };
}
