import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "@/lib/test/databases";
import type { Database } from "./database";
import { dropEventPartition, ensureEventPartitions, listEventPartitions, maintainEventPartitions, MONTHS_AHEAD } from "./event-partitions";

const NOW = new Date("2026-11-27T12:00:00Z");

describe.each(testDatabases())("AuditEvent's partitions on $name", ({ open }) => {
  let db: Database;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db?.close());

  const tableOf = async (id: bigint) => {
    const [row] = await db.query<{ table: string }>(`SELECT tableoid::regclass::text AS "table" FROM "AuditEvent" WHERE id = $1`, [id.toString()]);
    return row?.table.replaceAll('"', "");
  };
  const event = (category: "LOGIN" | "PERMISSION", createdAt: string) =>
    db.prisma.auditEvent.create({
      data: { category, eventType: category === "LOGIN" ? "USER_LOGIN" : "USER_CREATE", actorName: "fixture", createdAt: new Date(createdAt) },
      select: { id: true },
    });

  it("keeps months ahead for both retention classes, and files each event under its class and month", async () => {
    const made = await db.withOwnerSession((owner) => maintainEventPartitions(owner, NOW));
    for (const name of ["AuditEvent_expiring_2026_11", "AuditEvent_kept_2027_02"]) expect(made.concat(await names())).toContain(name);
    const months = await db.withOwnerSession((owner) => listEventPartitions(owner, "expiring"));
    const last = months.at(-1);
    expect(last?.to.toISOString()).toBe(new Date(Date.UTC(2026, 10 + MONTHS_AHEAD + 1, 1)).toISOString());
    expect(await tableOf((await event("LOGIN", "2026-11-27T23:59:59.999Z")).id)).toBe("AuditEvent_expiring_2026_11");
    expect(await tableOf((await event("PERMISSION", "2026-12-01T00:00:00.000Z")).id)).toBe("AuditEvent_kept_2026_12");
  });

  it("holds an event of a month without a partition in the default partition, and moves it when the month is made", async () => {
    const { id } = await event("LOGIN", "2019-03-15T10:00:00Z");
    expect(await tableOf(id)).toBe("AuditEvent_expiring_default");
    const made = await db.withOwnerSession((owner) => maintainEventPartitions(owner, NOW));
    expect(made).toEqual(["AuditEvent_expiring_2019_03", "AuditEvent_kept_2019_03"]);
    expect(await tableOf(id)).toBe("AuditEvent_expiring_2019_03");
    expect(await db.withOwnerSession((owner) => ensureEventPartitions(owner, new Date("2019-03-01"), new Date("2019-03-31")))).toEqual([]);
  });

  it("drops a month with its events, counting them by category first", async () => {
    await event("LOGIN", "2019-03-16T10:00:00Z");
    const loggedCounts = () =>
      db.query<{ count: string }>(
        `SELECT sum("count")::text AS "count" FROM "AuditEventCountLog" WHERE "at" < '2020-01-01' GROUP BY "category", "at", "eventType", "source" HAVING sum("count") <> 0 ORDER BY "at"`,
      );
    expect(await loggedCounts()).toEqual([{ count: "1" }, { count: "1" }]);
    const counts = await db.withOwnerSession((owner) => dropEventPartition(owner, "AuditEvent_expiring_2019_03"));
    expect(counts).toEqual({ LOGIN: 2 });
    expect(await names()).not.toContain("AuditEvent_expiring_2019_03");
    expect(await db.prisma.auditEvent.count({ where: { createdAt: { lt: new Date("2020-01-01") } } })).toBe(0);
    // A DROP fires no delete trigger: the month's share of the activity charts' counts goes with it.
    expect(await loggedCounts()).toEqual([]);
    await expect(db.withOwnerSession((owner) => dropEventPartition(owner, "AuditEvent; DROP TABLE x"))).rejects.toThrow(/not a month partition/);
  });

  async function names(): Promise<string[]> {
    return db.withOwnerSession(async (owner) => [
      ...(await listEventPartitions(owner, "expiring")).map((partition) => partition.name),
      ...(await listEventPartitions(owner, "kept")).map((partition) => partition.name),
    ]);
  }
});
