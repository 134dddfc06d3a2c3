import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeListSchema } from "@/lib/audit/events/changes";
import { eventTypesOf } from "@/lib/audit/events/event-types";
import { verifyPassword } from "@/lib/auth/password";
import { openDatabase, type Database } from "@/lib/db/database";
import { migrate } from "@/lib/db/migrate";
import { emptyDatabase } from "./cli";
import { DISABLED_USER, STEADY_USERS } from "./people";
import { isDatabaseEmpty, seedDemoData } from "./seed";

const NOW = new Date("2026-03-16T09:30:00Z");
const DAY = 86_400_000;
const EVENTS = 5000;

interface Row {
  id: string;
  category: string;
  eventType: string;
  actorId: number | null;
  actorName: string;
  targetUserId: number | null;
  targetUserName: string | null;
  projectId: number | null;
  trackerId: number | null;
  artifactId: number | null;
  artifactName: string | null;
  artifactKind: string | null;
  message: string | null;
  changes: unknown;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
}

let db: Database;
let events: Row[];
const query = <T>(sql: string, params?: unknown[]) => db.withSession((session) => session.query<T>(sql, params));
const allEvents = () => query<Row>(`SELECT * FROM "AuditEvent" ORDER BY id`);

beforeAll(async () => {
  db = openDatabase({ dataDir: "memory://" });
  await db.withSession((session) => migrate(session));
  expect(await isDatabaseEmpty(db)).toBe(true);
  await seedDemoData(db, { events: EVENTS, seed: 7, now: NOW });
  events = await allEvents();
});

afterAll(async () => {
  await db?.close();
});

describe("seedDemoData", () => {
  it("writes exactly the events asked for, inside the 400 days before now, ids rising with time", async () => {
    expect(events).toHaveLength(EVENTS);
    expect(await isDatabaseEmpty(db)).toBe(false);
    const times = events.map((event) => event.createdAt.getTime());
    expect(times.filter((time) => time > NOW.getTime() || time < NOW.getTime() - 400 * DAY)).toEqual([]);
    expect(times.filter((time, index) => index > 0 && time < times[index - 1])).toEqual([]);
  });

  it("leaves the event table's indexes built on every partition, as the migrations made them", async () => {
    const indexes = await query<{ table: string; indexes: number; invalid: number }>(
      `SELECT tree.relid::regclass::text AS "table", count(index.indexrelid)::int AS "indexes", count(*) FILTER (WHERE NOT index.indisvalid)::int AS "invalid"
       FROM pg_partition_tree('"AuditEvent"') AS tree LEFT JOIN pg_index AS index ON index.indrelid = tree.relid
       WHERE tree.isleaf OR tree.level = 0 GROUP BY tree.relid`,
    );
    const parent = indexes.find((table) => table.table === '"AuditEvent"');
    expect(parent?.indexes).toBeGreaterThan(5);
    expect(indexes.filter((table) => table.indexes !== parent?.indexes || table.invalid > 0)).toEqual([]);
  });

  it("creates the users, including non-ASCII names, disabled users and avatars", async () => {
    const users = await query<{ username: string; displayName: string; enabled: boolean; avatarUrl: string | null; passwordHash: string | null }>(
      `SELECT username, "displayName", enabled, "avatarUrl", "passwordHash" FROM "User"`,
    );
    expect(users.length).toBeGreaterThanOrEqual(150);
    const names = users.map((user) => user.displayName);
    for (const name of [
      "Zoë Müller",
      "Łukasz Żółć",
      "山田 太郎",
      "Ελένη Παπαδοπούλου",
      "José Núñez",
      "Søren Østergaard",
      "Дмитрий Иванов",
      "François Lefèvre",
    ]) {
      expect(names).toContain(name);
    }
    for (const user of users) expect(user.username).toMatch(/^[a-z0-9.]+$/);
    const disabled = users.filter((user) => !user.enabled).length / users.length;
    expect(disabled).toBeGreaterThan(0.06);
    expect(disabled).toBeLessThan(0.14);
    const avatars = users.filter((user) => user.avatarUrl).length / users.length;
    expect(avatars).toBeGreaterThan(0.3);
    expect(avatars).toBeLessThan(0.5);
    for (const user of users) if (user.avatarUrl) expect(user.avatarUrl).toMatch(/^\/avatars\/(0[1-9]|1\d|2[0-4])\.svg$/);
    expect(
      users
        .filter((user) => user.passwordHash)
        .map((user) => user.username)
        .sort(),
    ).toEqual(["admin", "auditor", "viewer"]);
    const enabled = new Map(users.map((user) => [user.username, user.enabled]));
    expect([...STEADY_USERS, DISABLED_USER].map((username) => enabled.get(username))).toEqual([true, true, true, true, false]);
    const groups = await query<{ count: number }>(`SELECT count(*)::int AS count FROM "Group"`);
    expect(groups[0].count).toBe(20);
  });

  it("gives the three console accounts their roles and working passwords", async () => {
    const accounts = await query<{ username: string; consoleRole: string; enabled: boolean; passwordHash: string }>(
      `SELECT username, "consoleRole", enabled, "passwordHash" FROM "User" WHERE username IN ('admin', 'auditor', 'viewer') ORDER BY username`,
    );
    expect(accounts.map((account) => [account.username, account.consoleRole, account.enabled])).toEqual([
      ["admin", "ADMIN", true],
      ["auditor", "AUDITOR", true],
      ["viewer", "NONE", true],
    ]);
    for (const account of accounts) {
      expect(await verifyPassword(account.passwordHash, `demo-${account.username}`)).toBe(true);
      expect(await verifyPassword(account.passwordHash, "wrong")).toBe(false);
    }
  });

  it("has every event type of the ALM, with logins of many users in the last 30 days", () => {
    const types = new Set(events.map((event) => event.eventType));
    const alm = eventTypesOf("LOGIN", "WORK_ITEM", "ARTIFACT", "PERMISSION");
    expect(alm).toHaveLength(21);
    for (const type of alm) expect(types, type).toContain(type);
    const recent = events.filter((event) => event.eventType === "USER_LOGIN" && event.createdAt.getTime() > NOW.getTime() - 30 * DAY);
    for (const username of ["admin", ...STEADY_USERS])
      expect(recent.filter((event) => event.actorName === username).length, username).toBeGreaterThanOrEqual(1);
    expect(new Set(recent.map((event) => event.actorName)).size).toBeGreaterThanOrEqual(30);
  });

  it("records logins with the user, address and browser only", () => {
    const logins = events.filter((row) => row.category === "LOGIN");
    const address = /^(10\.|192\.168\.|203\.0\.113\.|198\.51\.100\.|192\.0\.2\.|2001:db8:)/;
    expect(logins.filter((event) => event.actorId === null || !address.test(event.ip ?? "") || !event.userAgent?.startsWith("Mozilla/5.0"))).toEqual([]);
    const extras = logins.filter((event) =>
      [event.targetUserId, event.projectId, event.trackerId, event.artifactId, event.message, event.changes].some((value) => value !== null),
    );
    expect(extras).toEqual([]);
  });

  it("logs group changes with the impacted user and user events in pairs", async () => {
    const groupEvents = events.filter((event) => event.eventType === "GROUP_ASSIGN" || event.eventType === "GROUP_REMOVE");
    for (const event of groupEvents) {
      expect(event.message).toMatch(/^Impacted User: \S+ \((Enabled|Disabled)\)$/);
      expect(event.message).toContain(`Impacted User: ${event.targetUserName} (`);
      expect(event.artifactName).toBeTruthy();
    }
    for (const event of events.filter((row) => ["USER_CREATE", "USER_DISABLE", "USER_ENABLE"].includes(row.eventType))) {
      expect(event.message).toBeNull();
      expect(event.targetUserId).not.toBeNull();
      const pairType = event.eventType === "USER_DISABLE" ? "GROUP_REMOVE" : "GROUP_ASSIGN";
      const status = event.eventType === "USER_DISABLE" ? "Disabled" : "Enabled";
      const pair = groupEvents.find((row) => row.targetUserId === event.targetUserId && row.createdAt.getTime() === event.createdAt.getTime() + 1);
      expect(pair?.eventType).toBe(pairType);
      expect(pair?.message).toBe(`Impacted User: ${event.targetUserName} (${status})`);
    }
    const users = await query<{ id: number; enabled: boolean }>(`SELECT id, enabled FROM "User"`);
    for (const user of users) {
      const last = events.filter((row) => row.targetUserId === user.id && row.eventType.startsWith("USER_")).at(-1);
      if (!user.enabled) expect(last?.eventType).toBe("USER_DISABLE");
      else expect(last?.eventType ?? "none").not.toBe("USER_DISABLE");
    }
  });

  it("stores changes that validate, as created, updated and deleted", () => {
    const problems: string[] = [];
    const kinds = new Set<string>();
    for (const event of events.filter((row) => row.changes !== null)) {
      const parsed = changeListSchema.safeParse(event.changes);
      const changes = parsed.success ? parsed.data : [];
      const type = event.eventType;
      if (changes.length === 0) problems.push(`${event.id} ${type}: no valid changes`);
      if (type.endsWith("_CREATE") && changes.some((change) => change.old !== null)) problems.push(`${event.id} ${type}: old value`);
      if (type.endsWith("_DELETE") && changes.some((change) => change.new !== null)) problems.push(`${event.id} ${type}: new value`);
      if (type.endsWith("_UPDATE") && (changes.length > 4 || changes.some((change) => JSON.stringify(change.old) === JSON.stringify(change.new)))) {
        problems.push(`${event.id} ${type}: not a change`);
      }
      if (event.category === "PERMISSION" && changes[0]?.kind !== "access") problems.push(`${event.id} ${type}: not an access change`);
      if (type === "WORK_ITEM_UPDATE") for (const change of changes) kinds.add(change.kind);
    }
    expect(problems).toEqual([]);
    expect([...kinds].sort()).toEqual(["date", "enum", "list", "longtext", "number", "text", "user"]);
    const items = events.filter((row) => row.category === "WORK_ITEM" || row.category === "ARTIFACT");
    expect(items.filter((event) => event.artifactKind !== event.category || event.artifactId === null)).toEqual([]);
    expect(items.filter((event) => event.category === "WORK_ITEM" && (event.projectId === null || event.trackerId === null))).toEqual([]);
  });

  it("keeps each item's life in order and its final state in the Artifact table", async () => {
    const states = new Map((await query<{ id: number; state: string }>(`SELECT id, state FROM "Artifact"`)).map((row) => [row.id, row.state]));
    const lives = new Map<number, string[]>();
    for (const event of events.filter((row) => row.category === "WORK_ITEM" || row.category === "ARTIFACT")) {
      lives.set(event.artifactId!, [...(lives.get(event.artifactId!) ?? []), event.eventType.replace(/^(WORK_ITEM|ARTIFACT)_/, "")]);
    }
    const problems: string[] = [];
    for (const [id, life] of lives) {
      let trashed = false;
      const wrong =
        (life.includes("CREATE") && life.indexOf("CREATE") !== 0) ||
        (life.includes("DELETE") && life.indexOf("DELETE") !== life.length - 1) ||
        life.some((step) => {
          const bad = (step === "RESTORE" && !trashed) || (step === "UPDATE" && trashed);
          trashed = step === "REMOVE" ? true : step === "RESTORE" ? false : trashed;
          return bad;
        });
      const last = life.at(-1);
      const state = last === "DELETE" ? "DELETED" : last === "REMOVE" ? "TRASHED" : "ACTIVE";
      if (wrong || states.get(id) !== state) problems.push(`artifact ${id} (${states.get(id)}): ${life.join(" ")}`);
    }
    expect(problems).toEqual([]);
  });

  it("gives the same events for the same seed and now", async () => {
    await emptyDatabase(db);
    expect(await isDatabaseEmpty(db)).toBe(true);
    await seedDemoData(db, { events: EVENTS, seed: 7, now: NOW });
    expect(await allEvents()).toEqual(events);
  });

  it("refuses fewer events than a meaningful demo needs", async () => {
    await expect(seedDemoData(db, { events: 10, now: NOW })).rejects.toThrow(/at least/);
  });
});
