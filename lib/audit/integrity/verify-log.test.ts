import { generateKeyPairSync } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import type { Database, SqlSession } from "@/lib/db/database";
import { useAppDatabase } from "@/lib/test/app-database";
import { testDatabases } from "@/lib/test/databases";
import { deleteEvents } from "@/lib/test/delete-events";
import { recordEvent } from "../events/record-event";
import { purgeExpiredEvents } from "../retention/purge";
import { signCheckpoint } from "./checkpoint";
import { runCheckpoint } from "./checkpoint-job";
import { logSigningKey } from "./log-key";
import { verifyLog } from "./verify-log";
import type { VerifyProgress } from "./verify-problems";

// What an attacker with the database owner's login can do to the log, and what verify says about
// it. Every tampering bypasses the append-only trigger the way such an attacker would
// (session_replication_role = replica), in a transaction of its own so PGlite's shared connection
// keeps its triggers afterwards.
const ADMIN: Principal = { userId: 1, username: "ada", displayName: "Ada Admin", role: "ADMIN", sessionId: null };
// The log's own key (a test run's, vitest.config.ts): the remover's checkpoints are signed with it.
const key = logSigningKey();

async function tamper(db: Database, work: (session: SqlSession) => Promise<unknown>): Promise<void> {
  await db.withTransaction(async (session) => {
    await session.query("SET LOCAL session_replication_role = replica");
    await work(session);
  });
}

/** `count` Login and Permission events straight into the table, a second apart. */
async function addEvents(db: Database, count: number): Promise<void> {
  await db.withSession((session) =>
    session.query(
      `INSERT INTO "AuditEvent" ("category", "eventType", "actorId", "actorName", "message", "details", "createdAt", "source")
       SELECT CASE WHEN g % 3 = 0 THEN 'PERMISSION'::"AuditCategory" ELSE 'LOGIN'::"AuditCategory" END,
              CASE WHEN g % 3 = 0 THEN 'GROUP_ASSIGN'::"AuditEventType" ELSE 'USER_LOGIN'::"AuditEventType" END,
              g, 'user' || g, 'Impacted User: user' || g || ' (Enabled)', jsonb_build_object('n', g, 'ratio', g / 7.0),
              now() - interval '1 hour' + g * interval '1 second', 'console'
       FROM generate_series(1, $1::int) AS g`,
      [count],
    ),
  );
}

const seqOf = async (db: Database, seq: number) =>
  (await db.query<{ eventId: string }>(`SELECT "eventId"::text AS "eventId" FROM "AuditLeaf" WHERE "seq" = $1`, [seq]))[0]?.eventId as string;

describe.each(testDatabases())("verify on $name", ({ open }) => {
  const fixture = useAppDatabase(open);
  const verify = (options: { onProgress?: (p: VerifyProgress) => void } = {}) =>
    verifyLog(fixture.db, { verifierKey: key.verifierKey, batch: 200, ...options });

  beforeEach(async () => {
    const { db } = fixture;
    await deleteEvents(db);
    // Three checkpoints, the last over more than two stored subtrees (256 leaves each).
    for (const count of [7, 293, 300]) {
      await addEvents(db, count);
      await runCheckpoint(db, key);
    }
  });

  it("passes an untouched log, checking every event, checkpoint and stored node, with progress", async () => {
    const progress: VerifyProgress[] = [];
    const result = await verify({ onProgress: (p) => progress.push(p) });
    expect(result).toMatchObject({ ok: true, problem: null, problemCount: 0, treeSize: 600, eventsChecked: 600, purged: 0, checkpointsChecked: 3 });
    expect(result.latestCheckpoint?.treeSize).toBe(600);
    expect(progress.at(-1)).toEqual({ done: 600, total: 600 });
    expect(progress.length).toBe(3);
    // Events stored since the last checkpoint are not a problem: they wait for the next one.
    await addEvents(fixture.db, 4);
    expect(await verify()).toMatchObject({ ok: true, pending: 4 });
  });

  it("names an event whose message lost one byte, as altered, at its sequence number", async () => {
    const { db } = fixture;
    const eventId = await seqOf(db, 123);
    await tamper(db, (s) => s.query(`UPDATE "AuditEvent" SET "message" = substr("message", 2) WHERE id = $1`, [eventId]));
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problem).toMatchObject({ kind: "altered", seq: 123, eventId });
    expect(result.problem?.message).toMatch(/seq 123: event \d+ was changed after it was logged/);
    expect(result.problemCount).toBe(1);
  });

  it("names the fields it can tell: a moved time", async () => {
    const { db } = fixture;
    const eventId = await seqOf(db, 8);
    await tamper(db, (s) => s.query(`UPDATE "AuditEvent" SET "createdAt" = "createdAt" - interval '1 day' WHERE id = $1`, [eventId]));
    expect((await verify()).problem).toMatchObject({ kind: "altered", seq: 8, fields: ["createdAt"] });
  });

  it("names a deleted event as missing", async () => {
    const { db } = fixture;
    const eventId = await seqOf(db, 400);
    await tamper(db, (s) => s.query(`DELETE FROM "AuditEvent" WHERE id = $1`, [eventId]));
    const result = await verify();
    expect(result.problem).toMatchObject({ kind: "missing", seq: 400, eventId });
    expect(result.problem?.message).toMatch(/is gone, and no retention purge after it covers it/);
  });

  it("names two events whose contents were swapped", async () => {
    const { db } = fixture;
    const [a, b] = [await seqOf(db, 50), await seqOf(db, 52)];
    const columns = `"actorId", "actorName", "message", "details", "createdAt"`;
    await tamper(db, (s) =>
      s.query(
        `UPDATE "AuditEvent" e SET (${columns}) = (SELECT ${columns} FROM "AuditEvent" o WHERE o.id = CASE WHEN e.id = $1 THEN $2::bigint ELSE $1::bigint END)
         WHERE e.id IN ($1, $2)`,
        [a, b],
      ),
    );
    const result = await verify();
    expect(result.problem).toMatchObject({ kind: "swapped", seq: 50, eventId: a, otherSeq: 52 });
    expect(result.problems[1]).toMatchObject({ kind: "swapped", seq: 52, otherSeq: 50 });
  });

  it("names reordered leaves, and the checkpoints whose roots no longer match", async () => {
    const { db } = fixture;
    await tamper(db, async (s) => {
      await s.query(`UPDATE "AuditLeaf" SET "seq" = -1 WHERE "seq" = 10`);
      await s.query(`UPDATE "AuditLeaf" SET "seq" = 10 WHERE "seq" = 20`);
      await s.query(`UPDATE "AuditLeaf" SET "seq" = 20 WHERE "seq" = -1`);
    });
    const result = await verify();
    expect(result.problem).toMatchObject({ kind: "reordered", seq: 10, otherSeq: 20 });
    expect(result.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(["checkpoint-root", "node"]));
    // The first checkpoint (7 leaves) is before the change and still verifies.
    expect(result.problems.find((p) => p.kind === "checkpoint-root")?.treeSize).toBe(300);
  });

  it("names a deleted leaf as a missing sequence number", async () => {
    const { db } = fixture;
    await tamper(db, (s) => s.query(`DELETE FROM "AuditLeaf" WHERE "seq" = 250`));
    const result = await verify();
    expect(result.problem).toMatchObject({ kind: "gap", seq: 250 });
    expect(result.problem?.message).toMatch(/sequence number 250 is missing/);
  });

  it("names an event slipped in among sequenced ones without a leaf", async () => {
    const { db } = fixture;
    // An id the sequence handed out and no event took (a rolled-back insert), then later events.
    const [burned] = await db.query<{ id: string }>(`SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'id'))::text AS "id"`);
    await addEvents(db, 3);
    await runCheckpoint(db, key);
    await db.query(
      `INSERT INTO "AuditEvent" ("id", "category", "eventType", "actorName", "createdAt", "source") VALUES ($1::bigint, 'SYSTEM', 'AUDIT_EXPORT', 'mallory', now(), 'console')`,
      [burned?.id],
    );
    const result = await verify();
    expect(result.problem).toMatchObject({ kind: "unsequenced", eventId: burned?.id, seq: 600 });
    expect(result.problem?.message).toMatch(/has no leaf: it was inserted behind the log's back/);
  });

  it("names a forged checkpoint: signed by another key, or its root edited", async () => {
    const { db } = fixture;
    const other = generateKeyPairSync("ed25519").privateKey;
    const root = Buffer.alloc(32, 7);
    const forged = signCheckpoint({ origin: key.name, treeSize: 650, rootHash: root, time: new Date(), extensions: [] }, key.name, other);
    await tamper(db, (s) => s.query(`INSERT INTO "AuditCheckpoint" ("treeSize", "rootHash", "createdAt", "note") VALUES (650, $1, now(), $2)`, [root, forged]));
    const first = await verify();
    expect(first.problem).toMatchObject({ kind: "checkpoint-signature", treeSize: 650 });
    await tamper(db, async (s) => {
      await s.query(`DELETE FROM "AuditCheckpoint" WHERE "treeSize" = 650`);
      const [row] = await s.query<{ note: string }>(`SELECT "note" FROM "AuditCheckpoint" WHERE "treeSize" = 300`);
      const edited = (row?.note ?? "").replace(/\n300\n[^\n]+\n/, `\n300\n${root.toString("base64")}\n`);
      await s.query(`UPDATE "AuditCheckpoint" SET "note" = $1 WHERE "treeSize" = 300`, [edited]);
    });
    const second = await verify();
    expect(second.problem).toMatchObject({ kind: "checkpoint-signature", treeSize: 300 });
    expect(second.problem?.message).toMatch(/does not verify with the log's key/);
  });

  it("refuses checkpoints of another log and leaves cut off the end", async () => {
    const { db } = fixture;
    const result = await verifyLog(db, { verifierKey: key.verifierKey, origin: "other.example/log" });
    expect(result.problem).toMatchObject({ kind: "checkpoint-origin", treeSize: 7 });
    await tamper(db, async (s) => {
      await s.query(`DELETE FROM "AuditLeaf" WHERE "seq" >= 590`);
    });
    expect((await verify()).problems.map((p) => p.kind)).toContain("truncated");
  });

  it("counts events the retention purged as tombstones, not problems, and still names one deleted by hand", async () => {
    const { db } = fixture;
    const old = new Date(Date.now() - 400 * 86_400_000);
    for (const name of ["old1", "old2", "old3"]) await recordEvent({ eventType: "USER_LOGIN", actor: { id: 1, name }, createdAt: old });
    // A permission event as old: the retention keeps it, so its deletion is tampering.
    await recordEvent({ eventType: "GROUP_ASSIGN", actor: { id: 1, name: "old4" }, targetUser: { id: 2, name: "bob" }, createdAt: old });
    const result = await runAs(ADMIN, () => purgeExpiredEvents({ trigger: "manual" }));
    expect(result).toMatchObject({ status: "completed", total: 3 });
    await runCheckpoint(db, key);
    const clean = await verify();
    expect(clean).toMatchObject({ ok: true, purged: 3, treeSize: 605, eventsChecked: 602 });
    expect(clean.lastPurgeAt).not.toBeNull();
    await tamper(db, (s) => s.query(`DELETE FROM "AuditEvent" WHERE "actorName" = 'old4'`));
    expect((await verify()).problem).toMatchObject({ kind: "missing", seq: 603 });
  });
});
