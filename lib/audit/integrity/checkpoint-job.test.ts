import { createHash, generateKeyPairSync } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { withEventMaintenance } from "@/lib/db/event-maintenance";
import { useAppDatabase } from "@/lib/test/app-database";
import { testDatabases } from "@/lib/test/databases";
import { deleteEvents } from "@/lib/test/delete-events";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { addEvents } from "@/lib/test/varied-events";
import { recordEvent } from "../events/record-event";
import { purgeExpiredEvents } from "../retention/purge";
import { verifyCheckpoint } from "./checkpoint";
import { latestCheckpoint, runCheckpoint } from "./checkpoint-job";
import { EVENT_LEAF_COLUMNS, type EventLeafRow, eventLeafHash, eventLeafRecord } from "./event-leaf";
import { verifyConsistency, verifyInclusion } from "./merkle-verify";
import { consistencyProofAt, inclusionProofAt, logHead, rootAt } from "./merkle-store";
import { loadOrCreateSigningKey } from "./signing-key";

const ADMIN: Principal = { userId: 1, username: "ada", displayName: "Ada Admin", role: "ADMIN", sessionId: null };
const key = loadOrCreateSigningKey(mkdtempSync(path.join(tmpdir(), "audit-key-")), "test.example/audit-log");

// An independent RFC 9162 tree hash over leaf hashes (recursive, as the RFC writes it).
const sha = (...parts: Buffer[]) => createHash("sha256").update(Buffer.concat(parts)).digest();
function mth(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return sha();
  if (leaves.length === 1) return leaves[0] as Buffer;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha(Buffer.from([1]), mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

describe.each(testDatabases())("the checkpoint job on $name", ({ open }) => {
  const fixture = useAppDatabase(open);
  beforeEach(async () => {
    await deleteEvents(fixture.db);
  });

  it("sequences every stored event with no gaps and signs a checkpoint a verifier accepts", async () => {
    const { db } = fixture;
    await addEvents(300);
    const run = await runCheckpoint(db, key);
    expect(run).toMatchObject({ created: true, leavesAdded: 300, more: false });
    const seqs = await db.query<{ seq: string }>(`SELECT l."seq"::text AS "seq" FROM "AuditLeaf" l ORDER BY l."seq"`);
    expect(seqs.map((row) => Number(row.seq))).toEqual([...Array(300).keys()]);

    // Every leaf is the hash of its event as read back, and the signed root is the tree over them.
    const events = await db.query<EventLeafRow & { id: string }>(`SELECT ${EVENT_LEAF_COLUMNS} FROM "AuditEvent" e ORDER BY e.id`);
    const leaves = await db.query<{ eventId: string; hash: Uint8Array }>(`SELECT "eventId"::text AS "eventId", "hash" FROM "AuditLeaf" ORDER BY "seq"`);
    expect(leaves.map((leaf) => leaf.eventId)).toEqual(events.map((event) => event.id));
    const hashes = leaves.map((leaf) => Buffer.from(leaf.hash));
    expect(hashes).toEqual(events.map((event) => eventLeafHash(eventLeafRecord(event))));
    const checkpoint = verifyCheckpoint(run.checkpoint.note, key.verifierKey, key.name);
    expect(checkpoint.treeSize).toBe(300);
    expect(checkpoint.rootHash.equals(mth(hashes))).toBe(true);
    expect((await rootAt(db, 300)).equals(mth(hashes))).toBe(true);

    // The record is every stored field: the JSON as stored, times in UTC with milliseconds.
    const first = eventLeafRecord(events[0] as EventLeafRow);
    expect(first).toMatchObject({ actorName: "山田 太郎", createdAt: "2026-11-01T00:00:00.123Z", details: { a: { y: null, z: [0, "ü"] }, b: 1.5e-7 } });
  });

  it("adds nothing when nothing is new, then proves each leaf and the growth between checkpoints", async () => {
    const { db } = fixture;
    await addEvents(5);
    const first = await runCheckpoint(db, key);
    expect((await runCheckpoint(db, key)).created).toBe(false);
    await addEvents(700, 5);
    const second = await runCheckpoint(db, key, { maxLeaves: 600 });
    expect(second).toMatchObject({ created: true, leavesAdded: 600, more: true });
    const third = await runCheckpoint(db, key);
    expect(third).toMatchObject({ created: true, leavesAdded: 100, more: false });
    expect((await logHead(db)).size).toBe(705);
    for (const seq of [0, 1, 4, 255, 256, 604, 704]) {
      const [leaf] = await db.query<{ hash: Uint8Array }>(`SELECT "hash" FROM "AuditLeaf" WHERE "seq" = $1`, [seq]);
      const proof = await inclusionProofAt(db, seq, 705);
      expect(verifyInclusion(Buffer.from(leaf?.hash as Uint8Array), seq, 705, proof, third.checkpoint.rootHash)).toBe(true);
    }
    for (const [from, to] of [
      [first, second],
      [second, third],
      [first, third],
    ] as const) {
      const proof = await consistencyProofAt(db, from.checkpoint.treeSize, to.checkpoint.treeSize);
      expect(verifyConsistency(from.checkpoint.treeSize, to.checkpoint.treeSize, from.checkpoint.rootHash, to.checkpoint.rootHash, proof)).toBe(true);
    }
    expect((await latestCheckpoint(db))?.treeSize).toBe(705);
  });

  it("refuses to change or delete events and the log, except the owner's maintenance", async () => {
    const { db } = fixture;
    await addEvents(3);
    await runCheckpoint(db, key);
    for (const statement of [
      `UPDATE "AuditEvent" SET "message" = 'forged'`,
      `DELETE FROM "AuditEvent" WHERE "eventType" = 'USER_LOGIN'`,
      `TRUNCATE "AuditEvent"`,
      `UPDATE "AuditLeaf" SET "hash" = '\\x00'`,
      `DELETE FROM "AuditLeaf"`,
      `DELETE FROM "AuditCheckpoint"`,
      `TRUNCATE "AuditMerkleNode"`,
    ]) {
      await expect(db.query(statement), statement).rejects.toThrow(/is append-only: (UPDATE|DELETE|TRUNCATE) refused/);
    }
    // The flag is the owner's, for one transaction: setting it alone in a statement of its own does not last.
    await db.query(`SELECT set_config('audit_console.maintenance', 'on', true)`);
    await expect(db.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await db.prisma.auditEvent.count()).toBe(3);
    await withEventMaintenance(db, (owner) => owner.query(`DELETE FROM "AuditEvent" WHERE "eventType" = 'USER_LOGIN'`));
    expect(await db.prisma.auditEvent.count()).toBe(1);
  });

  it("keeps the leaves of events the remover purged, so every earlier checkpoint still verifies", async () => {
    const { db } = fixture;
    await addEvents(10);
    const before = await runCheckpoint(db, key);
    // Two Logins older than the retention, made after the checkpoint: the remover logs them first.
    const old = new Date(Date.now() - 400 * 86_400_000);
    for (const name of ["old1", "old2"]) await recordEvent({ eventType: "USER_LOGIN", actor: { id: 1, name }, createdAt: old });
    const result = await runAs(ADMIN, () => purgeExpiredEvents({ trigger: "manual" }));
    expect(result).toMatchObject({ status: "completed", total: 2 });
    expect(await db.prisma.auditEvent.count({ where: { actorName: { in: ["old1", "old2"] } } })).toBe(0);
    const tombstones = await db.query<{ count: number }>(
      `SELECT count(*)::int AS "count" FROM "AuditLeaf" l WHERE NOT EXISTS (SELECT 1 FROM "AuditEvent" e WHERE e.id = l."eventId")`,
    );
    expect(tombstones[0]?.count).toBe(2);
    expect((await rootAt(db, before.checkpoint.treeSize)).equals(before.checkpoint.rootHash)).toBe(true);
    const after = await runCheckpoint(db, key);
    expect(after.checkpoint.treeSize).toBe(13); // 10 + the two purged + the purge's own event
    const proof = await consistencyProofAt(db, 10, 13);
    expect(verifyConsistency(10, 13, before.checkpoint.rootHash, after.checkpoint.rootHash, proof)).toBe(true);
  });

  it("refuses a checkpoint key that is not the log's to verify its checkpoints", async () => {
    const { db } = fixture;
    await addEvents(2);
    const run = await runCheckpoint(db, key);
    const other = generateKeyPairSync("ed25519").privateKey;
    const { verifierKeyString } = await import("./signed-note");
    expect(() => verifyCheckpoint(run.checkpoint.note, verifierKeyString(key.name, other))).toThrow();
  });
});
