"use server";
// The Config tab's server actions. Each validates its input with the same zod schema as the form and
// the API, then calls the same function the API calls, so that a change made here is audited exactly
// like one made there.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guarded-action";
import { requestInfo } from "@/lib/auth/request-info";
import { CONFIG_FIELD_LABELS, coverageRequestSchema, octaneCapFormSchema, retentionFormSchema } from "@/lib/audit/config/config-schemas";
import { updateCoverage } from "@/lib/audit/config/coverage";
import { updateOctaneCap } from "@/lib/audit/config/octane-cap";
import { updateRetention } from "@/lib/audit/config/retention-settings";
import { loadLastIntegrityCheck, runningIntegrityCheck, startIntegrityCheck } from "@/lib/audit/integrity/integrity-check";
import { previewPurge, purgeExpiredEvents } from "@/lib/audit/retention/purge";

const CONFIG_PATH = "/audit/config";
const NO_INPUT = z.undefined();

async function changeContext() {
  return { via: "console" as const, request: requestInfo(await headers()) };
}

/** Saves event type switches: { eventTypes: { USER_LOGOUT: false } }. */
export const saveCoverageAction = guardedAction(
  { role: "admin", action: "Changing which event types are audited", input: coverageRequestSchema },
  async (input) => {
    const { changes } = await updateCoverage(input, await changeContext());
    revalidatePath(CONFIG_PATH);
    return { changed: changes.length };
  },
);

/** Saves the retention from the form's values: { days: 90 }. */
export const saveRetentionAction = guardedAction(
  { role: "admin", action: "Changing the audit retention", input: retentionFormSchema, labels: CONFIG_FIELD_LABELS },
  async ({ days }) => {
    const { changed, retention } = await updateRetention({ period: { days } }, await changeContext());
    revalidatePath(CONFIG_PATH);
    return { changed, days: retention.days };
  },
);

/** Saves the ALM Octane API's records cap: { maxRecords: 5000 }. */
export const saveOctaneCapAction = guardedAction(
  { role: "admin", action: "Changing the ALM Octane API's records cap", input: octaneCapFormSchema, labels: CONFIG_FIELD_LABELS },
  async (input) => {
    const { changed, cap } = await updateOctaneCap(input, await changeContext());
    revalidatePath(CONFIG_PATH);
    return { changed, maxRecords: cap.maxRecords };
  },
);

/** What "Run now" would delete; auditors may look too. */
export const previewPurgeAction = guardedAction({ role: "reader", action: "Previewing the remover job", input: NO_INPUT }, () => previewPurge());

/** Runs the remover job now (admins only) and reports what it did, or that a run is going on. */
export const runPurgeAction = guardedAction({ role: "admin", action: "Running the remover job", input: NO_INPUT }, async () => {
  const result = await purgeExpiredEvents({ trigger: "manual", request: requestInfo(await headers()) });
  revalidatePath(CONFIG_PATH);
  return result;
});

/** Starts a verification of the audit log in the background (admins only): { started: false, running } while one runs anywhere. */
export const verifyNowAction = guardedAction({ role: "admin", action: "Verifying the audit log", input: NO_INPUT }, async () =>
  startIntegrityCheck(requestInfo(await headers())),
);

/** How far the running verification is, and the last one's event id (the panel polls it while one runs). */
export const integrityProgressAction = guardedAction({ role: "reader", action: "Reading the audit configuration", input: NO_INPUT }, async () => ({
  running: await runningIntegrityCheck(),
  lastCheckId: (await loadLastIntegrityCheck())?.eventId ?? null,
}));
