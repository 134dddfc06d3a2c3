// The seed's rows, written in bulk (lib/db/unnest-insert.ts): the directory, the items, the events.
import { DEMO_SOURCE } from "@/lib/audit/events/sources";
import type { SqlSession } from "@/lib/db/database";
import { shareEventWriteLock } from "@/lib/db/event-write-lock";
import { type Column, insertRows } from "@/lib/db/unnest-insert";
import type { EventRow } from "./event-row";
import type { SeedGroup, SeedItem, SeedProject, SeedTracker, SeedUser } from "./world";

/** Takes `count` ids from a table's sequence, so rows can be linked before they are written. */
export async function allocateIds(session: SqlSession, table: string, count: number): Promise<number[]> {
  const rows = await session.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('"${table}"', 'id'))::int AS id FROM generate_series(1, $1::int)`, [
    count,
  ]);
  return rows.map((row) => Number(row.id));
}

const iso = (time: number) => new Date(time).toISOString();

const isConsoleAccount = (user: SeedUser) => user.consoleRole !== "NONE" || user.password !== null;

export async function insertDirectory(
  session: SqlSession,
  data: { users: SeedUser[]; passwordHashes: Map<string, string>; groups: SeedGroup[]; projects: SeedProject[]; trackers: SeedTracker[] },
): Promise<void> {
  await session.query(`INSERT INTO "EventSource" (name) VALUES ($1) ON CONFLICT DO NOTHING`, [DEMO_SOURCE]);
  await insertRows<SeedUser>(
    session,
    "User",
    [
      ["id", "int", (user) => user.id],
      ["username", "text", (user) => user.username],
      ["displayName", "text", (user) => user.displayName],
      ["email", "text", (user) => user.email],
      ["avatarUrl", "text", (user) => user.avatarUrl],
      ["enabled", "boolean", (user) => user.enabled],
      ["consoleRole", '"ConsoleRole"', (user) => user.consoleRole],
      ["passwordHash", "text", (user) => data.passwordHashes.get(user.username) ?? null],
      ["createdAt", "timestamptz", (user) => iso(user.createdAt)],
      // console accounts sign in, so they belong to no sending system; everyone else is the demo ALM's
      ["source", "text", (user) => (isConsoleAccount(user) ? null : DEMO_SOURCE)],
      ["sourceId", "text", (user) => (isConsoleAccount(user) ? null : String(user.id))],
    ],
    data.users,
  );
  await insertRows<SeedGroup>(
    session,
    "Group",
    [
      ["id", "int", (group) => group.id],
      ["name", "text", (group) => group.name],
      ["description", "text", (group) => group.description],
    ],
    data.groups,
  );
  const memberships = data.users.flatMap((user) => user.groups.map((group) => [user.id, group.id] as const));
  await insertRows<readonly [number, number]>(
    session,
    "GroupMembership",
    [
      ["userId", "int", (row) => row[0]],
      ["groupId", "int", (row) => row[1]],
    ],
    memberships,
  );
  await insertRows<SeedProject>(
    session,
    "Project",
    [
      ["id", "int", (project) => project.id],
      ["key", "text", (project) => project.spec.key],
      ["name", "text", (project) => project.spec.name],
      ["createdAt", "timestamptz", (project) => iso(project.createdAt)],
      ["source", "text", () => DEMO_SOURCE],
      ["sourceId", "text", (project) => String(project.id)],
    ],
    data.projects,
  );
  await insertRows<SeedTracker>(
    session,
    "Tracker",
    [
      ["id", "int", (tracker) => tracker.id],
      ["projectId", "int", (tracker) => tracker.project.id],
      ["name", "text", (tracker) => tracker.name],
      ["source", "text", () => DEMO_SOURCE],
      ["sourceId", "text", (tracker) => String(tracker.id)],
    ],
    data.trackers,
  );
}

/** Work items and artifacts with their state at the end of the timeline. */
export async function insertItems(session: SqlSession, items: SeedItem[]): Promise<void> {
  await insertRows<SeedItem>(
    session,
    "Artifact",
    [
      ["id", "int", (item) => item.id],
      ["kind", '"ArtifactKind"', (item) => item.kind],
      ["name", "text", (item) => item.name],
      ["projectId", "int", (item) => item.project?.id ?? null],
      ["trackerId", "int", (item) => item.tracker?.id ?? null],
      ["state", '"ArtifactState"', (item) => item.state],
      ["createdAt", "timestamptz", (item) => iso(item.createdAt)],
      ["source", "text", () => DEMO_SOURCE],
      ["sourceId", "text", (item) => String(item.id)],
    ],
    items,
  );
}

const EVENT_COLUMNS: Column<EventRow>[] = [
  ["category", '"AuditCategory"', (row) => row.category],
  ["eventType", '"AuditEventType"', (row) => row.eventType],
  ["actorId", "int", (row) => row.actorId],
  ["actorName", "text", (row) => row.actorName],
  ["targetUserId", "int", (row) => row.targetUserId],
  ["targetUserName", "text", (row) => row.targetUserName],
  ["projectId", "int", (row) => row.projectId],
  ["projectName", "text", (row) => row.projectName],
  ["trackerId", "int", (row) => row.trackerId],
  ["trackerName", "text", (row) => row.trackerName],
  ["artifactId", "int", (row) => row.artifactId],
  ["artifactName", "text", (row) => row.artifactName],
  ["artifactKind", '"ArtifactKind"', (row) => row.artifactKind],
  ["message", "text", (row) => row.message],
  ["changes", "json", (row) => row.changes],
  ["ip", "text", (row) => row.ip],
  ["userAgent", "text", (row) => row.userAgent],
  ["createdAt", "timestamptz", (row) => iso(row.createdAt)],
  // the console's own events (exports, configuration changes) come from no sending system
  ["source", "text", (row) => (row.category === "SYSTEM" ? null : DEMO_SOURCE)],
];

export async function insertEvents(session: SqlSession, rows: readonly EventRow[]): Promise<void> {
  await shareEventWriteLock(session);
  await insertRows(session, "AuditEvent", EVENT_COLUMNS, rows, rows.length);
}

/**
 * Runs `work` with the event table's secondary indexes dropped, then builds them again: one sorted
 * build is far cheaper than updating eight indexes row by row. Only for an empty table, and only
 * inside a transaction, so a failure brings the indexes back with the rollback.
 */
export async function withEventIndexesDeferred<T>(session: SqlSession, work: () => Promise<T>, onRebuild: () => void): Promise<T> {
  const [{ empty }] = await session.query<{ empty: boolean }>(`SELECT NOT EXISTS (SELECT 1 FROM "AuditEvent") AS empty`);
  const indexes = empty
    ? await session.query<{ name: string; definition: string }>(
        `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
         WHERE schemaname = current_schema() AND tablename = 'AuditEvent' AND indexname <> 'AuditEvent_pkey' ORDER BY indexname`,
      )
    : [];
  for (const index of indexes) await session.query(`DROP INDEX "${index.name}"`);
  const result = await work();
  if (indexes.length) onRebuild();
  // A partitioned table's definitions read "ON ONLY": as written they would index the parent alone
  // and leave it invalid, with no index on any partition. Without ONLY, each builds on every partition.
  for (const index of indexes) await session.query(index.definition.replace(" ON ONLY ", " ON "));
  return result;
}
