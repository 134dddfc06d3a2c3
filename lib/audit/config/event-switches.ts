// Whether an event type is audited right now, and the count of events dropped because it was not.
// The database decides (EventTypeSetting), the defaults file fills the types nobody has set. No
// cache: a switch saved by one process holds in every other process from the next event on.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { AuditEventType } from "@/lib/generated/prisma/enums";
import { isLockedEventType } from "./config-schemas";
import { auditDefaults } from "./defaults";

/** The process's client or the client of an open transaction. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

export async function isEventTypeEnabled(client: DbClient, type: AuditEventType): Promise<boolean> {
  if (isLockedEventType(type)) return true;
  const saved = await client.eventTypeSetting.findUnique({ where: { eventType: type }, select: { enabled: true } });
  return saved ? saved.enabled : auditDefaults().eventTypes[type];
}

/** Adds `count` dropped events of `type`: one statement, safe when processes drop at once. */
export async function countDroppedEvents(client: DbClient, type: AuditEventType, count = 1, at = new Date()): Promise<void> {
  await client.$executeRaw`
    INSERT INTO "DroppedEventCount" ("eventType", "count", "firstDroppedAt", "lastDroppedAt")
    VALUES (${type}::"AuditEventType", ${count}, ${at}, ${at})
    ON CONFLICT ("eventType") DO UPDATE
      SET "count" = "DroppedEventCount"."count" + EXCLUDED."count",
          "lastDroppedAt" = GREATEST("DroppedEventCount"."lastDroppedAt", EXCLUDED."lastDroppedAt")`;
}

export interface DroppedCount {
  count: number;
  firstDroppedAt: Date;
  lastDroppedAt: Date;
}

export async function loadDroppedCounts(client: DbClient): Promise<Map<AuditEventType, DroppedCount>> {
  const rows = await client.droppedEventCount.findMany();
  return new Map(rows.map((row) => [row.eventType, { count: Number(row.count), firstDroppedAt: row.firstDroppedAt, lastDroppedAt: row.lastDroppedAt }]));
}

/** The types audited right now, for writers of many events at once (ingestion): read once per batch. */
export async function loadEnabledEventTypes(client: DbClient): Promise<Set<AuditEventType>> {
  const saved = new Map((await client.eventTypeSetting.findMany()).map((row) => [row.eventType, row.enabled]));
  const defaults = auditDefaults().eventTypes;
  const types = Object.keys(defaults) as AuditEventType[];
  return new Set(types.filter((type) => isLockedEventType(type) || (saved.get(type) ?? defaults[type])));
}
