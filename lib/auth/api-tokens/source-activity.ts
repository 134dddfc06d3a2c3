// What each sending system has done today, for the API tokens page: when its last events came, what
// became of today's (from the hourly tallies of lib/ingest/source-tally.ts), its last refusal, and
// how many of its tokens still work. Administrators only, as the tokens themselves.
import "server-only";
import { resolveRange } from "@/lib/audit/search/date-range";
import { getDb } from "@/lib/db";
import { requireAdmin } from "../guard";

const HOUR_MS = 3_600_000;

export interface SourceDayCounts {
  accepted: number;
  duplicates: number;
  dropped: number;
  expired: number;
  refused: number;
}

export interface SourceActivity {
  name: string;
  lastReceivedAt: Date | null;
  lastRefusedAt: Date | null;
  lastRefusalReason: string | null;
  /** tokens neither revoked nor expired */
  activeTokens: number;
  today: SourceDayCounts;
}

export interface SourcesToday {
  /** midnight in the admin's zone: the counts are of the hours since */
  since: Date;
  sources: SourceActivity[];
}

const NO_COUNTS: SourceDayCounts = { accepted: 0, duplicates: 0, dropped: 0, expired: 0, refused: 0 };

/**
 * Every source by name with today's counts in `timeZone`. Tallies are kept per UTC hour: in a zone
 * whose offset is not a whole number of hours (Asia/Kolkata) the hour that holds midnight counts as today.
 */
export async function getSourceActivity(timeZone: string, now = new Date()): Promise<SourcesToday> {
  await requireAdmin("Reading the activity of event sources");
  const since = resolveRange({ preset: "Today" }, timeZone, now).from;
  const firstHour = new Date(Math.floor(since.getTime() / HOUR_MS) * HOUR_MS);
  const { prisma } = getDb();
  const [sources, tallies, tokens] = await Promise.all([
    prisma.eventSource.findMany({ orderBy: { name: "asc" }, select: { name: true, lastReceivedAt: true, lastRefusedAt: true, lastRefusalReason: true } }),
    prisma.eventSourceTally.groupBy({
      by: ["source"],
      where: { hour: { gte: firstHour } },
      _sum: { accepted: true, duplicates: true, dropped: true, expired: true, refused: true },
    }),
    prisma.apiToken.groupBy({ by: ["source"], where: { revokedAt: null, expiresAt: { gt: now } }, _count: { _all: true } }),
  ]);
  const todayOf = new Map(tallies.map((tally) => [tally.source, tally._sum]));
  const activeOf = new Map(tokens.map((token) => [token.source, token._count._all]));
  return {
    since,
    sources: sources.map((source) => {
      const sums = todayOf.get(source.name);
      return {
        ...source,
        activeTokens: activeOf.get(source.name) ?? 0,
        today: sums
          ? {
              accepted: sums.accepted ?? 0,
              duplicates: sums.duplicates ?? 0,
              dropped: sums.dropped ?? 0,
              expired: sums.expired ?? 0,
              refused: sums.refused ?? 0,
            }
          : NO_COUNTS,
      };
    }),
  };
}
