import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { useAppDatabase } from "@/lib/test/app-database";
import { testDatabases } from "@/lib/test/databases";
import { createApiToken, revokeApiToken } from "./api-tokens";
import { getSourceActivity } from "./source-activity";

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

const ADMIN: Principal = { userId: null, username: "test-admin", displayName: "Test Admin", role: "ADMIN", sessionId: null };
const AUDITOR: Principal = { ...ADMIN, username: "test-auditor", role: "AUDITOR" };
const asAdmin = <T>(work: () => Promise<T>) => runAs(ADMIN, work);

// 10:30 in Berlin (CET), 15:00 in Kolkata (UTC+05:30).
const NOW = new Date("2026-03-16T09:30:00Z");
const DAY_MS = 86_400_000;

const tally = (source: string, hour: string, counts: Partial<Record<"accepted" | "duplicates" | "dropped" | "expired" | "refused", number>>) => ({
  source,
  hour: new Date(hour),
  ...counts,
});

describe.each(testDatabases())("the activity of event sources on $name", ({ open }) => {
  const state = useAppDatabase(open);

  beforeAll(async () => {
    const spec = { scopes: ["ingest" as const], expiresInDays: 90 };
    await asAdmin(async () => {
      await createApiToken({ ...spec, name: "alm live", source: "alm-prod" }, NOW);
      await createApiToken({ ...spec, name: "alm old", source: "alm-prod", expiresInDays: 1 }, new Date(NOW.getTime() - 10 * DAY_MS));
      const revoked = await createApiToken({ ...spec, name: "alm leaked", source: "alm-prod" }, NOW);
      await revokeApiToken(revoked.token.id, NOW);
      await createApiToken({ ...spec, name: "jira", source: "jira-cloud" }, NOW);
    });
    await state.db.prisma.eventSource.createMany({ data: [{ name: "quiet" }] });
    await state.db.prisma.eventSource.update({
      where: { name: "alm-prod" },
      data: {
        lastReceivedAt: new Date("2026-03-16T09:10:00Z"),
        lastRefusedAt: new Date("2026-03-16T08:20:00Z"),
        lastRefusalReason: "events[3].createdAt: must be an ISO 8601 time",
      },
    });
    await state.db.prisma.eventSourceTally.createMany({
      data: [
        tally("alm-prod", "2026-03-15T18:00:00Z", { accepted: 1000 }),
        // 23:00 in Berlin yesterday, then the first hour of today there
        tally("alm-prod", "2026-03-15T22:00:00Z", { accepted: 100, dropped: 50 }),
        tally("alm-prod", "2026-03-15T23:00:00Z", { accepted: 5, duplicates: 1 }),
        tally("alm-prod", "2026-03-16T08:00:00Z", { accepted: 7, dropped: 2, expired: 3, refused: 4 }),
        tally("jira-cloud", "2026-03-16T09:00:00Z", { accepted: 20, duplicates: 20 }),
      ],
    });
  });

  it("sums each source's hours since midnight in the admin's zone, and counts the tokens that still work", async () => {
    const { since, sources } = await asAdmin(() => getSourceActivity("Europe/Berlin", NOW));
    expect(since).toEqual(new Date("2026-03-15T23:00:00Z"));
    expect(sources).toEqual([
      {
        name: "alm-prod",
        lastReceivedAt: new Date("2026-03-16T09:10:00Z"),
        lastRefusedAt: new Date("2026-03-16T08:20:00Z"),
        lastRefusalReason: "events[3].createdAt: must be an ISO 8601 time",
        activeTokens: 1,
        today: { accepted: 12, duplicates: 1, dropped: 2, expired: 3, refused: 4 },
      },
      {
        name: "jira-cloud",
        lastReceivedAt: null,
        lastRefusedAt: null,
        lastRefusalReason: null,
        activeTokens: 1,
        today: { accepted: 20, duplicates: 20, dropped: 0, expired: 0, refused: 0 },
      },
      {
        name: "quiet",
        lastReceivedAt: null,
        lastRefusedAt: null,
        lastRefusalReason: null,
        activeTokens: 0,
        today: { accepted: 0, duplicates: 0, dropped: 0, expired: 0, refused: 0 },
      },
    ]);
  });

  it("starts today where the zone's midnight is, counting the hour that holds a half-hour midnight", async () => {
    const utc = await asAdmin(() => getSourceActivity("UTC", NOW));
    expect(utc.since).toEqual(new Date("2026-03-16T00:00:00Z"));
    expect(utc.sources[0]?.today).toEqual({ accepted: 7, duplicates: 0, dropped: 2, expired: 3, refused: 4 });

    const kolkata = await asAdmin(() => getSourceActivity("Asia/Kolkata", NOW));
    expect(kolkata.since).toEqual(new Date("2026-03-15T18:30:00Z"));
    expect(kolkata.sources[0]?.today.accepted).toBe(1112);
  });

  it("is for administrators only", async () => {
    await expect(getSourceActivity("UTC", NOW)).rejects.toMatchObject({ status: 401 });
    await expect(runAs(AUDITOR, () => getSourceActivity("UTC", NOW))).rejects.toThrow(
      "Reading the activity of event sources needs the Administrator role. You are signed in as test-auditor (Auditor).",
    );
  });
});
