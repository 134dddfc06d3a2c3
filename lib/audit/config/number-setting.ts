// A number the Config tab sets (the retention in days, the ALM Octane API's records cap): read from
// the database where it was saved, else from the defaults file; saved under the configuration lock
// with its AUDIT_CONFIG_CHANGE event in one transaction. No guard: the settings' own functions check.
import "server-only";
import type { z } from "zod";
import type { Principal } from "@/lib/auth/principal";
import { getDb } from "@/lib/db";
import { type ChangeContext, type ConfigSetting, lockConfigChanges, recordConfigChange } from "./config-change";
import type { DbClient } from "./event-switches";

/** A saved number, or the defaults file's, and who saved it when. */
export interface StoredNumber {
  value: number;
  /** a saved value, or the defaults file */
  source: "database" | "default";
  updatedAt: Date | null;
  updatedBy: string | null;
}

export interface NumberSetting {
  key: ConfigSetting;
  /** the stored JSON's one property: "days" */
  property: string;
  /** a stored value that no longer passes reads as the default */
  schema: z.ZodType<number>;
  defaultValue(): number;
  /** the change list's field: "Retention period (days)" */
  field: string;
  /** the change event's message */
  message(old: number, value: number): string;
}

/** The value in force. */
export async function loadNumberSetting(client: DbClient, setting: NumberSetting): Promise<StoredNumber> {
  const row = await client.setting.findUnique({ where: { key: setting.key } });
  const stored = row ? setting.schema.safeParse((row.value as Record<string, unknown> | null)?.[setting.property]) : null;
  if (row && stored?.success) return { value: stored.data, source: "database", updatedAt: row.updatedAt, updatedBy: row.updatedBy };
  return { value: setting.defaultValue(), source: "default", updatedAt: null, updatedBy: null };
}

/** Saves `value` (validated by the caller) and records the change; the same value again writes nothing. */
export async function saveNumberSetting(setting: NumberSetting, value: number, principal: Principal, context: ChangeContext): Promise<boolean> {
  return getDb().prisma.$transaction(async (tx) => {
    await lockConfigChanges(tx);
    const current = await loadNumberSetting(tx, setting);
    if (current.value === value) return false;
    const stored = { [setting.property]: value };
    await tx.setting.upsert({
      where: { key: setting.key },
      create: { key: setting.key, value: stored, updatedBy: principal.username },
      update: { value: stored, updatedBy: principal.username },
    });
    await recordConfigChange(tx, principal, context, {
      setting: setting.key,
      message: setting.message(current.value, value),
      changes: [{ field: setting.field, kind: "number", old: current.value, new: value }],
    });
    return true;
  });
}
