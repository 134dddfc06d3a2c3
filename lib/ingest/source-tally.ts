// What each source's ingestion did, per hour, and its last refusal: the API tokens page shows it
// per source ("today": the hours since midnight in the admin's zone).
import "server-only";
import { getDb } from "@/lib/db";
import type { SqlSession } from "@/lib/db/database";

export interface TallyCounts {
  accepted: number;
  duplicates: number;
  dropped: number;
  expired: number;
}

/** Adds a request's counts to its source's hour, inside the request's transaction. */
export async function addTally(session: SqlSession, source: string, counts: TallyCounts, now: Date): Promise<void> {
  await session.query(
    `INSERT INTO "EventSourceTally" ("source", "hour", "accepted", "duplicates", "dropped", "expired")
     VALUES ($1, date_trunc('hour', $2::timestamptz), $3, $4, $5, $6)
     ON CONFLICT ("source", "hour") DO UPDATE SET
       "accepted" = "EventSourceTally"."accepted" + EXCLUDED."accepted",
       "duplicates" = "EventSourceTally"."duplicates" + EXCLUDED."duplicates",
       "dropped" = "EventSourceTally"."dropped" + EXCLUDED."dropped",
       "expired" = "EventSourceTally"."expired" + EXCLUDED."expired"`,
    [source, now.toISOString(), counts.accepted, counts.duplicates, counts.dropped, counts.expired],
  );
  await session.query(`UPDATE "EventSource" SET "lastReceivedAt" = GREATEST("lastReceivedAt", $2::timestamptz) WHERE "name" = $1`, [source, now.toISOString()]);
}

/** Records a refused ingestion request of `source`: how many events it held, and why. Never throws. */
export async function recordRefusal(source: string, events: number, reason: string, now = new Date()): Promise<void> {
  try {
    await getDb().withTransaction(async (session) => {
      await session.query(
        `INSERT INTO "EventSourceTally" ("source", "hour", "refused") VALUES ($1, date_trunc('hour', $2::timestamptz), $3)
         ON CONFLICT ("source", "hour") DO UPDATE SET "refused" = "EventSourceTally"."refused" + EXCLUDED."refused"`,
        [source, now.toISOString(), events],
      );
      await session.query(`UPDATE "EventSource" SET "lastRefusedAt" = $2, "lastRefusalReason" = $3 WHERE "name" = $1`, [
        source,
        now.toISOString(),
        reason.slice(0, 1000),
      ]);
    });
  } catch (error) {
    console.warn(`Could not record a refused ingestion request of ${source}:`, error);
  }
}
