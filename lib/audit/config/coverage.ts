// Which event types are audited ("coverage", as Jira calls it): read by the Config tab and
// GET /api/audit/config/coverage, changed by the tab's save and PUT, both through updateCoverage().
import "server-only";
import { requireAdmin, requireAuditReader } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import type { AuditCategory, AuditEventType } from "@/lib/generated/prisma/enums";
import { ALL_EVENT_TYPES, CATEGORY_LABELS, categoryOf, eventTypeLabel } from "../events/event-types";
import { lockConfigChanges, recordConfigChange, type ChangeContext } from "./config-change";
import { coverageRequestSchema, COVERAGE_GROUPS, isLockedEventType, parseConfigInput } from "./config-schemas";
import { auditDefaults } from "./defaults";
import { loadDroppedCounts, type DbClient } from "./event-switches";

export interface CoverageEntry {
  eventType: AuditEventType;
  label: string;
  category: AuditCategory;
  categoryLabel: string;
  enabled: boolean;
  /** what config/audit-defaults.json says */
  defaultEnabled: boolean;
  /** the console's own types: always audited */
  locked: boolean;
  /** where `enabled` comes from: a saved switch, the defaults file, or the rule for locked types */
  source: "database" | "default" | "always";
  /** events dropped because the type was off */
  dropped: number;
  lastDroppedAt: Date | null;
  updatedAt: Date | null;
  updatedBy: string | null;
}

export interface CoverageChange {
  eventType: AuditEventType;
  label: string;
  category: AuditCategory;
  old: boolean;
  new: boolean;
}

const GROUP_ORDER = new Map(COVERAGE_GROUPS.map((category, index) => [category, index]));
const TYPE_ORDER = [...ALL_EVENT_TYPES].sort((a, b) => (GROUP_ORDER.get(categoryOf(a)) ?? 0) - (GROUP_ORDER.get(categoryOf(b)) ?? 0));

/** Every event type with its state, in the Config tab's order. No guard: callers check. */
export async function loadCoverage(client: DbClient): Promise<CoverageEntry[]> {
  const [saved, dropped] = await Promise.all([client.eventTypeSetting.findMany(), loadDroppedCounts(client)]);
  const byType = new Map(saved.map((row) => [row.eventType, row]));
  const defaults = auditDefaults().eventTypes;
  return TYPE_ORDER.map((type) => {
    const row = byType.get(type);
    const locked = isLockedEventType(type);
    const category = categoryOf(type);
    return {
      eventType: type,
      label: eventTypeLabel(type),
      category,
      categoryLabel: CATEGORY_LABELS[category],
      enabled: locked || (row ? row.enabled : defaults[type]),
      defaultEnabled: locked || defaults[type],
      locked,
      source: locked ? "always" : row ? "database" : "default",
      dropped: dropped.get(type)?.count ?? 0,
      lastDroppedAt: dropped.get(type)?.lastDroppedAt ?? null,
      updatedAt: row?.updatedAt ?? null,
      updatedBy: row?.updatedBy ?? null,
    };
  });
}

export async function getCoverage(): Promise<CoverageEntry[]> {
  await requireAuditReader("Reading the audit configuration");
  return loadCoverage(getDb().prisma);
}

function describeChanges(changes: CoverageChange[]): string {
  const off = changes.filter((change) => !change.new).map((change) => change.label);
  const on = changes.filter((change) => change.new).map((change) => change.label);
  return [off.length > 0 && `Switched off: ${off.join(", ")}.`, on.length > 0 && `Switched on: ${on.join(", ")}.`].filter(Boolean).join(" ");
}

/**
 * Sets the event type switches in `input` ({ eventTypes: { USER_LOGOUT: false } }); types left out
 * keep their state. The switches and their AUDIT_CONFIG_CHANGE event commit together; a request
 * that changes nothing writes nothing.
 */
export async function updateCoverage(input: unknown, context: ChangeContext): Promise<{ changes: CoverageChange[]; coverage: CoverageEntry[] }> {
  const principal = await requireAdmin("Changing which event types are audited");
  const { eventTypes } = parseConfigInput(coverageRequestSchema, input);
  const { prisma } = getDb();
  const changes = await prisma.$transaction(async (tx) => {
    await lockConfigChanges(tx);
    const current = new Map((await loadCoverage(tx)).map((entry) => [entry.eventType, entry]));
    const found: CoverageChange[] = [];
    for (const type of TYPE_ORDER) {
      const wanted = eventTypes[type];
      const entry = current.get(type);
      if (wanted === undefined || !entry || entry.enabled === wanted) continue;
      found.push({ eventType: type, label: entry.label, category: entry.category, old: entry.enabled, new: wanted });
    }
    if (found.length === 0) return found;
    for (const change of found) {
      await tx.eventTypeSetting.upsert({
        where: { eventType: change.eventType },
        create: { eventType: change.eventType, enabled: change.new, updatedBy: principal.username },
        update: { enabled: change.new, updatedBy: principal.username },
      });
    }
    await recordConfigChange(tx, principal, context, {
      setting: "coverage",
      message: describeChanges(found),
      changes: found.map((change) => ({ field: change.label, kind: "enum", old: change.old ? "on" : "off", new: change.new ? "on" : "off" })),
      details: {
        switchedOff: found.filter((change) => !change.new).map((change) => change.eventType),
        switchedOn: found.filter((change) => change.new).map((change) => change.eventType),
      },
    });
    return found;
  });
  return { changes, coverage: await loadCoverage(prisma) };
}
