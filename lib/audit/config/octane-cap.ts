// The most records one query of the ALM Octane audits API reaches (lib/api/octane): 10,000, or less
// where the defaults file or the Config tab lowers it. Read by that API and the Config tab, changed by
// the tab's save through updateOctaneCap(), audited like the retention.
import "server-only";
import { requireAdmin, requireAuditReader } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import type { ChangeContext, ConfigSetting } from "./config-change";
import { octaneCapFormSchema, parseConfigInput } from "./config-schemas";
import { auditDefaults } from "./defaults";
import type { DbClient } from "./event-switches";
import { loadNumberSetting, type NumberSetting, type StoredNumber, saveNumberSetting } from "./number-setting";

export const OCTANE_CAP_SETTING_KEY = "octaneAudits" satisfies ConfigSetting;

const numberFormat = new Intl.NumberFormat("en-US");

const OCTANE_CAP: NumberSetting = {
  key: OCTANE_CAP_SETTING_KEY,
  property: "maxRecords",
  schema: octaneCapFormSchema.shape.maxRecords,
  defaultValue: () => auditDefaults().octaneMaxRecords,
  field: "ALM Octane API: records per query",
  message: (old, value) => `ALM Octane API records per query changed from ${numberFormat.format(old)} to ${numberFormat.format(value)}.`,
};

/** The setting in force, where it comes from, and who saved it when. */
export type OctaneCap = Omit<StoredNumber, "value"> & { maxRecords: number };

/** The cap in force. A stored value that is no longer valid reads as the default. No guard. */
export async function loadOctaneCap(client: DbClient): Promise<OctaneCap> {
  const { value, ...stored } = await loadNumberSetting(client, OCTANE_CAP);
  return { maxRecords: value, ...stored };
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
  const changed = await saveNumberSetting(OCTANE_CAP, maxRecords, principal, context);
  return { changed, cap: await loadOctaneCap(getDb().prisma) };
}
