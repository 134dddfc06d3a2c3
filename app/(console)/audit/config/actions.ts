"use server";
// The Config tab's server actions. Each is a public POST endpoint: it checks the role first, then
// validates its input with the same zod schema as the form and the API, then calls the same
// function the API calls, so that a change made here is audited exactly like one made there.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { AuthError, requireAdmin, requireAuditReader } from "@/lib/auth/guard";
import { requestInfo } from "@/lib/auth/request-info";
import { ConfigValidationError, firstFieldError, retentionFormSchema } from "@/lib/audit/config/config-schemas";
import { updateCoverage } from "@/lib/audit/config/coverage";
import { updateRetention } from "@/lib/audit/config/retention-settings";
import { previewPurge, purgeExpiredEvents } from "@/lib/audit/retention/purge";
import type { PurgePreview, PurgeResult } from "@/lib/audit/retention/purge-shapes";

export type ActionResult<Value> = { ok: true; value: Value } | { ok: false; message: string; field?: string };

const CONFIG_PATH = "/audit/config";

function refused(error: unknown): { ok: false; message: string; field?: string } {
  if (error instanceof AuthError) return { ok: false, message: error.message };
  if (error instanceof ConfigValidationError) return { ok: false, message: error.message, field: error.field };
  throw error;
}

async function changeContext() {
  return { via: "console" as const, request: requestInfo(await headers()) };
}

/** Saves event type switches: { eventTypes: { USER_LOGOUT: false } }. */
export async function saveCoverageAction(input: unknown): Promise<ActionResult<{ changed: number }>> {
  try {
    await requireAdmin("Changing which event types are audited");
    const { changes } = await updateCoverage(input, await changeContext());
    revalidatePath(CONFIG_PATH);
    return { ok: true, value: { changed: changes.length } };
  } catch (error) {
    return refused(error);
  }
}

/** Saves the retention from the form's values: { days: 90 }. */
export async function saveRetentionAction(input: unknown): Promise<ActionResult<{ changed: boolean; days: number }>> {
  try {
    await requireAdmin("Changing the audit retention");
    const parsed = retentionFormSchema.safeParse(input);
    if (!parsed.success) {
      const { field, message } = firstFieldError(parsed.error);
      return { ok: false, field, message };
    }
    const { changed, retention } = await updateRetention({ period: { days: parsed.data.days } }, await changeContext());
    revalidatePath(CONFIG_PATH);
    return { ok: true, value: { changed, days: retention.days } };
  } catch (error) {
    return refused(error);
  }
}

/** What "Run now" would delete; auditors may look too. */
export async function previewPurgeAction(): Promise<ActionResult<PurgePreview>> {
  try {
    await requireAuditReader("Previewing the remover job");
    return { ok: true, value: await previewPurge() };
  } catch (error) {
    return refused(error);
  }
}

/** Runs the remover job now (admins only) and reports what it did, or that a run is going on. */
export async function runPurgeAction(): Promise<ActionResult<PurgeResult>> {
  try {
    await requireAdmin("Running the remover job");
    const result = await purgeExpiredEvents({ trigger: "manual", request: requestInfo(await headers()) });
    revalidatePath(CONFIG_PATH);
    return { ok: true, value: result };
  } catch (error) {
    return refused(error);
  }
}
