// Keeps AuditEvent's month partitions ahead of time in each server process: at start and once a day
// (the remover does it too, before it drops months). Made as the database owner.
import "server-only";
import { getDb } from "./index";
import { maintainEventPartitions } from "./event-partitions";

const DAY_MS = 86_400_000;
const holder = globalThis as { __auditConsolePartitions?: NodeJS.Timeout };

async function maintainNow(): Promise<void> {
  try {
    const made = await getDb().withOwnerSession((owner) => maintainEventPartitions(owner));
    if (made.length > 0) console.log(`Event partitions made: ${made.join(", ")}.`);
  } catch (error) {
    // Another process making the same month at the same moment, or the database away: the next run makes it.
    console.warn(`Event partition maintenance did not finish: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Starts the maintenance once per process (dev reloads call it again). */
export function startPartitionMaintenance(): void {
  if (holder.__auditConsolePartitions) return;
  void maintainNow();
  holder.__auditConsolePartitions = setInterval(() => void maintainNow(), DAY_MS).unref();
}
