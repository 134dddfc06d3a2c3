import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { createApiToken } from "@/lib/auth/api-tokens/api-tokens";
import { runAs } from "@/lib/auth/principal-context";
import { recordEvent } from "@/lib/audit/events/record-event";
import { verifyCheckpoint } from "@/lib/audit/integrity/checkpoint";
import { runCheckpoint } from "@/lib/audit/integrity/checkpoint-job";
import { loadOrCreateSigningKey } from "@/lib/audit/integrity/signing-key";
import { purgeExpiredEvents } from "@/lib/audit/retention/purge";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { validateEvents } from "@/lib/ingest/ingest-request";
import { openDatabase, type Database } from "./database";
import { APP_TABLES, appRoleSql, grantAppRole, LOG_TABLES, READ_ONLY_TABLES } from "./database-roles";
import { ensureEventPartitions } from "./event-partitions";
import { setDb } from "./index";
import { migrate } from "./migrate";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database";

const ADMIN: Principal = { userId: 1, username: "ada", displayName: "Ada Admin", role: "ADMIN", sessionId: null };
const DAY_MS = 86_400_000;

describe("the application role's privileges", () => {
  it("name every table of the migrated database: a new table fails here until it is given its privileges", async () => {
    const db = openDatabase({ dataDir: "memory://" });
    try {
      await db.withOwnerSession((owner) => migrate(owner));
      // Partitions are reached through AuditEvent only.
      const tables = await db.query<{ name: string }>(
        `SELECT c.relname AS "name" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
      );
      expect(tables.map((table) => table.name).sort()).toEqual([...LOG_TABLES, ...APP_TABLES, ...READ_ONLY_TABLES].sort());
    } finally {
      await db.close();
    }
  });

  it("refuses a role name that would need quoting rather than pass it into SQL", () => {
    expect(() => appRoleSql({ role: `app"; DROP TABLE "AuditEvent"; --` })).toThrow(/lower-case letters, digits and underscores/);
    expect(appRoleSql({ role: "audit_app", password: "it's" })).toContain(`PASSWORD 'it''s'`);
  });
});

// Roles are the cluster's, so each run makes its own and drops it after.
const serverUrl = process.env.TEST_DATABASE_URL;
describe.each(serverUrl ? [serverUrl] : [])("the application role on PostgreSQL (%s)", (server) => {
  const role = `audit_app_test_${randomBytes(4).toString("hex")}`;
  const key = loadOrCreateSigningKey(mkdtempSync(path.join(tmpdir(), "audit-key-")), "test.example/audit-log");
  let scratch: ScratchDatabase;
  let owner: Database;
  let app: Database;

  beforeAll(async () => {
    scratch = await createScratchDatabase(server, "audit_roles");
    owner = openDatabase({ url: scratch.url });
    await owner.withOwnerSession(async (session) => {
      await migrate(session);
      // Twice: a second run changes nothing and fails on nothing.
      await grantAppRole(session, { role, password: "app-secret" });
      await grantAppRole(session, { role, password: "app-secret" });
    });
    const appUrl = new URL(scratch.url);
    appUrl.username = role;
    appUrl.password = "app-secret";
    app = openDatabase({ url: appUrl.toString(), ownerUrl: scratch.url });
    setDb(app);
  });

  afterAll(async () => {
    setDb(undefined);
    await app?.close();
    await owner?.close();
    await scratch?.drop();
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(`DROP ROLE IF EXISTS "${role}"`);
    } finally {
      await client.end();
    }
  });

  it("records, ingests and sequences events as the application's role", async () => {
    expect(await app.query<{ user: string }>(`SELECT current_user AS "user"`)).toEqual([{ user: role }]);
    await recordEvent({ eventType: "USER_LOGIN", actor: { id: 1, name: "ada" } });
    await runAs(ADMIN, () => createApiToken({ name: "alm", source: "alm", scopes: ["ingest"], expiresInDays: 1 }));
    const sent = validateEvents([
      { id: "e1", type: "User Login", createdAt: new Date(Date.now() - 60_000).toISOString(), actor: { id: "u1", username: "sam" } },
      { id: "e2", type: "User Logout", createdAt: new Date(Date.now() - 30_000).toISOString(), actor: { id: "u1", username: "sam" } },
    ]);
    expect(await ingestEvents("alm", sent)).toMatchObject({ accepted: 2 });
    // Sent again: the idempotency keys and the tally are the app's to write.
    expect(await ingestEvents("alm", sent)).toMatchObject({ accepted: 0, duplicates: 2 });
    const run = await runCheckpoint(app, key);
    // The sign-in, the token's creation and the two sent events.
    expect(run).toMatchObject({ created: true, leavesAdded: 4 });
    expect(verifyCheckpoint(run.checkpoint.note, key.verifierKey, key.name).treeSize).toBe(4);
  });

  it("refuses UPDATE, DELETE and TRUNCATE on the events and the log by privilege, before the trigger", async () => {
    const columns: Record<string, string> = { AuditEvent: "message", AuditLeaf: "hash", AuditMerkleNode: "hash", AuditCheckpoint: "note" };
    // A month the owner makes later, after the grants, is covered too (default privileges).
    await owner.withOwnerSession((session) => ensureEventPartitions(session, new Date("2031-01-01T00:00:00Z"), new Date("2031-01-01T00:00:00Z")));
    const tables = [...LOG_TABLES, "AuditEvent_expiring_default", "AuditEvent_expiring_2031_01"];
    for (const table of tables) {
      const column = columns[table] ?? "message";
      for (const statement of [`UPDATE "${table}" SET "${column}" = "${column}"`, `DELETE FROM "${table}"`, `TRUNCATE "${table}"`]) {
        await expect(app.query(statement), statement).rejects.toThrow(`permission denied for table ${table}`);
      }
      expect(await app.query(`SELECT count(*)::int AS "count" FROM "${table}" WHERE false`)).toEqual([{ count: 0 }]);
    }
    // Nor may it become the owner for a moment.
    const [{ tableOwner }] = await owner.query<{ tableOwner: string }>(`SELECT tableowner AS "tableOwner" FROM pg_tables WHERE tablename = 'AuditEvent'`);
    await expect(app.query(`SET ROLE "${tableOwner}"`)).rejects.toThrow(/permission denied to set role/);
    expect(await app.prisma.auditEvent.count()).toBe(4);
  });

  it("leaves the remover its work, done as the owner", async () => {
    const old = new Date(Date.now() - 400 * DAY_MS);
    await recordEvent({ eventType: "USER_LOGIN", actor: { id: 2, name: "old.login" }, createdAt: old });
    const result = await runAs(ADMIN, () => purgeExpiredEvents({ trigger: "manual" }));
    expect(result).toMatchObject({ status: "completed", total: 1 });
    expect(await app.prisma.auditEvent.count({ where: { actorName: "old.login" } })).toBe(0);
    // It was sequenced before it went (its leaf stays), and the purge is itself an event.
    const [{ leaves }] = await app.query<{ leaves: number }>(`SELECT count(*)::int AS "leaves" FROM "AuditLeaf"`);
    expect(leaves).toBe(5);
    expect(await app.prisma.auditEvent.count({ where: { eventType: "AUDIT_PURGE" } })).toBe(1);
  });
});
