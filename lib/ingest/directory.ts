// The directory follows the events: users, projects, trackers and artifacts named by ingested events
// are created or brought up to date from them, keyed by (source, the sender's id). The latest event
// wins: names change only for an event at least as new as the one that last set them (namedAt), a
// user's status and an artifact's state likewise (statusAt). Console accounts (source null) are
// never matched, whatever their username. Rows are changed only when something differs, so that
// senders writing about the same people at once do not queue behind each other's row locks.
import type { SqlSession } from "@/lib/db/database";
import type { ArtifactKind, ArtifactState } from "@/lib/generated/prisma/enums";
import type { IngestEvent, IngestPerson } from "./ingest-schema";

/** The directory ids of everything a batch names, by the sender's id. */
export interface DirectoryIds {
  users: Map<string, number>;
  projects: Map<string, number>;
  trackers: Map<string, number>;
  artifacts: Map<string, number>;
}

interface Entry {
  sid: string;
  firstAt: number;
  namedAt: number;
  /** by column: what the newest naming event says (null where it says nothing) */
  named: Record<string, unknown>;
  /** by column: the newest value any event of the batch says, for a new entry */
  known: Record<string, unknown>;
  statusAt: number | null;
  status: Record<string, unknown>;
}

/** One directory table: its name-like columns and status columns, and what an insert falls back to. */
interface TableSpec {
  table: "User" | "Project" | "Tracker" | "Artifact";
  named: [column: string, sqlType: string][];
  status: [column: string, sqlType: string][];
  /** SQL for an inserted column whose value no event gave (the batch's values are i."known_<column>") */
  fallback: Record<string, string>;
  /** the table records when an entry appeared (the first event's time); trackers do not */
  createdAt: boolean;
}

const USERS: TableSpec = {
  table: "User",
  named: [
    ["username", "text"],
    ["displayName", "text"],
    ["email", "text"],
  ],
  status: [["enabled", "boolean"]],
  fallback: { displayName: `i."known_username"`, enabled: "true" },
  createdAt: true,
};
const PROJECTS: TableSpec = { table: "Project", named: [["name", "text"]], status: [], fallback: {}, createdAt: true };
const TRACKERS: TableSpec = {
  table: "Tracker",
  named: [
    ["name", "text"],
    ["projectId", "int"],
  ],
  status: [],
  fallback: {},
  createdAt: false,
};
const ARTIFACTS: TableSpec = {
  table: "Artifact",
  named: [
    ["name", "text"],
    ["kind", '"ArtifactKind"'],
    ["projectId", "int"],
    ["trackerId", "int"],
  ],
  status: [["state", '"ArtifactState"']],
  fallback: { state: `'ACTIVE'` },
  createdAt: true,
};

/** Gathers, per sender id, the latest names and the latest status the batch says. */
class Entries {
  readonly bySid = new Map<string, Entry>();

  note(sid: string, at: number, named: Record<string, unknown>, status: Record<string, unknown> | null): void {
    let entry = this.bySid.get(sid);
    if (!entry) {
      entry = { sid, firstAt: at, namedAt: at, named, known: { ...named }, statusAt: status ? at : null, status: status ?? {} };
      this.bySid.set(sid, entry);
      return;
    }
    entry.firstAt = Math.min(entry.firstAt, at);
    const newer = at >= entry.namedAt;
    for (const [column, value] of Object.entries(named)) {
      if (value !== null && value !== undefined && (newer || entry.known[column] == null)) entry.known[column] = value;
    }
    if (newer) {
      entry.namedAt = at;
      entry.named = named;
    }
    if (status && (entry.statusAt === null || at >= entry.statusAt)) {
      entry.statusAt = at;
      entry.status = status;
    }
  }
}

const STATE_OF: Partial<Record<string, ArtifactState>> = { CREATE: "ACTIVE", RESTORE: "ACTIVE", REMOVE: "TRASHED", DELETE: "DELETED" };

function artifactState(type: string): ArtifactState | null {
  if (type.startsWith("ARTIFACT_PERMISSION_")) return null;
  return STATE_OF[type.slice(type.lastIndexOf("_") + 1)] ?? null;
}

function personStatus(person: IngestPerson, type: string, isTarget: boolean): { enabled: boolean } | null {
  if (isTarget && type === "USER_DISABLE") return { enabled: false };
  if (isTarget && (type === "USER_ENABLE" || type === "USER_CREATE")) return { enabled: true };
  return person.enabled == null ? null : { enabled: person.enabled };
}

function personNames(person: IngestPerson): Record<string, unknown> {
  return { username: person.username, displayName: person.displayName ?? null, email: person.email ?? null };
}

/** A directory row as this process last saw it in the database: its id and the columns ingestion sets. */
interface KnownRow {
  id: number;
  values: Record<string, unknown>;
  seenAt: number;
}

/**
 * What the directory holds for the entries this process wrote or read lately, so that a batch
 * naming the same people and items as the last (the usual case) costs no statement for them. An
 * entry is trusted for MEMO_TTL_MS only: another process (a second server, a direct import) may
 * have renamed it since. Filled only from committed transactions (stage, then commit).
 */
export class DirectoryMemo {
  private readonly rows = new Map<string, KnownRow>();

  constructor(
    private readonly limit = 200_000,
    private readonly ttlMs = 60_000,
  ) {}

  get(key: string, now: number): KnownRow | undefined {
    const row = this.rows.get(key);
    return row && now - row.seenAt < this.ttlMs ? row : undefined;
  }

  /** A transaction's rows, to learn once it commits. */
  begin(): DirectoryWrite {
    return { memo: this, staged: new Map() };
  }

  /** The staged rows are what the database holds now: their transaction committed. */
  commit(write: DirectoryWrite): void {
    for (const [key, row] of write.staged) {
      this.rows.delete(key);
      this.rows.set(key, row);
    }
    // the oldest entries go first (a Map keeps insertion order)
    for (const key of this.rows.keys()) {
      if (this.rows.size <= this.limit) break;
      this.rows.delete(key);
    }
  }
}

/** What one transaction read and wrote of the directory; the memo learns it only if it commits. */
export interface DirectoryWrite {
  memo: DirectoryMemo;
  staged: Map<string, KnownRow>;
}

/** True when writing `entry` would change nothing the memo says the row holds. */
function unchanged(entry: Entry, known: KnownRow, spec: TableSpec): boolean {
  for (const [column] of spec.named) {
    const value = entry.named[column];
    if (value !== null && value !== undefined && value !== known.values[column]) return false;
  }
  if (entry.statusAt === null) return true;
  return spec.status.every(([column]) => entry.status[column] === known.values[column]);
}

async function upsert(session: SqlSession, spec: TableSpec, source: string, all: Entry[], { memo, staged }: DirectoryWrite): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const now = Date.now();
  const keyOf = (sid: string) => `${spec.table}\u0000${source}\u0000${sid}`;
  const entries = all.filter((entry) => {
    const known = memo.get(keyOf(entry.sid), now);
    if (!known || !unchanged(entry, known, spec)) return true;
    ids.set(entry.sid, known.id);
    return false;
  });
  if (entries.length === 0) return ids;
  entries.sort((a, b) => (a.sid < b.sid ? -1 : a.sid > b.sid ? 1 : 0));
  const columns = [...spec.named, ...spec.status];
  const arrays: unknown[] = [
    entries.map((entry) => entry.sid),
    entries.map((entry) => new Date(entry.firstAt).toISOString()),
    entries.map((entry) => new Date(entry.namedAt).toISOString()),
    entries.map((entry) => (entry.statusAt === null ? null : new Date(entry.statusAt).toISOString())),
    ...spec.named.map(([column]) => entries.map((entry) => entry.named[column] ?? null)),
    ...spec.status.map(([column]) => entries.map((entry) => entry.status[column] ?? null)),
    ...spec.named.map(([column]) => entries.map((entry) => entry.known[column] ?? null)),
  ];
  const cast = (index: number, type: string) =>
    type === "text" || type === "int" || type === "boolean" ? `$${index}::${type}[]` : `$${index}::text[]::${type}[]`;
  const knownColumns = spec.named.map(([column, type]) => [`known_${column}`, type] as [string, string]);
  const input = `unnest($2::text[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[], ${[...columns, ...knownColumns].map(([, type], index) => cast(index + 6, type)).join(", ")})
    AS i("sid", "firstAt", "namedAt", "statusAt", ${[...columns, ...knownColumns].map(([column]) => `"${column}"`).join(", ")})`;
  const insertValue = (column: string) => {
    const given = spec.named.some(([name]) => name === column) ? `i."known_${column}"` : `i."${column}"`;
    return spec.fallback[column] ? `COALESCE(${given}, ${spec.fallback[column]})` : given;
  };
  const table = `"${spec.table}"`;
  const hasStatus = spec.status.length > 0;
  const returned = `"sourceId", id, ${columns.map(([column]) => `"${column}"`).join(", ")}`;
  const remember = (rows: Array<Record<string, unknown>>) => {
    for (const row of rows) {
      const id = Number(row.id);
      ids.set(String(row.sourceId), id);
      staged.set(keyOf(String(row.sourceId)), { id, values: row, seenAt: now });
    }
  };
  const inserted = await session.query<Record<string, unknown>>(
    `INSERT INTO ${table} ("source", "sourceId", ${spec.createdAt ? `"createdAt", ` : ""}"namedAt", ${hasStatus ? `"statusAt", ` : ""}${columns.map(([column]) => `"${column}"`).join(", ")})
     SELECT $1, i."sid", ${spec.createdAt ? `i."firstAt", ` : ""}i."namedAt", ${hasStatus ? `i."statusAt", ` : ""}${columns.map(([column]) => insertValue(column)).join(", ")}
     FROM ${input} ORDER BY i."sid"
     ON CONFLICT ("source", "sourceId") DO NOTHING
     RETURNING ${returned}`,
    [source, ...arrays],
  );
  remember(inserted);
  if (inserted.length === entries.length) return ids;
  const insertedSids = new Set(inserted.map((row) => String(row.sourceId)));
  const newerNames = `(t."namedAt" IS NULL OR i."namedAt" >= t."namedAt")`;
  const newerStatus = `(i."statusAt" IS NOT NULL AND (t."statusAt" IS NULL OR i."statusAt" >= t."statusAt"))`;
  const value = (column: string, newer: string) => `CASE WHEN ${newer} THEN COALESCE(i."${column}", t."${column}") ELSE t."${column}" END`;
  const differs = (list: [string, string][], newer: string) =>
    list.length === 0
      ? "false"
      : `(${newer} AND (${list.map(([column]) => `t."${column}"`).join(", ")}) IS DISTINCT FROM (${list.map(([column]) => `COALESCE(i."${column}", t."${column}")`).join(", ")}))`;
  await session.query(
    `UPDATE ${table} AS t SET
       ${[...spec.named.map(([column]) => `"${column}" = ${value(column, newerNames)}`), ...spec.status.map(([column]) => `"${column}" = ${value(column, newerStatus)}`)].join(",\n       ")},
       "namedAt" = GREATEST(t."namedAt", i."namedAt")${
         hasStatus
           ? `,
       "statusAt" = GREATEST(t."statusAt", i."statusAt")`
           : ""
       }
     FROM ${input}
     WHERE t."source" = $1 AND t."sourceId" = i."sid" AND (${differs(spec.named, newerNames)} OR ${differs(spec.status, newerStatus)})`,
    [source, ...arrays],
  );
  // After the update: what the rows hold now, for the memo.
  const existing = await session.query<Record<string, unknown>>(`SELECT ${returned} FROM ${table} WHERE "source" = $1 AND "sourceId" = ANY($2::text[])`, [
    source,
    entries.filter((entry) => !insertedSids.has(entry.sid)).map((entry) => entry.sid),
  ]);
  remember(existing);
  return ids;
}

/** Brings the directory up to date with `events` of `source`, and gives the ids the events link to. */
export async function updateDirectory(session: SqlSession, source: string, events: readonly IngestEvent[], memo: DirectoryWrite): Promise<DirectoryIds> {
  const users = new Entries();
  const projects = new Entries();
  for (const event of events) {
    const at = event.createdAt.getTime();
    users.note(event.actor.id, at, personNames(event.actor), personStatus(event.actor, event.type, false));
    if (event.targetUser) users.note(event.targetUser.id, at, personNames(event.targetUser), personStatus(event.targetUser, event.type, true));
    if (event.project) projects.note(event.project.id, at, { name: event.project.name }, null);
  }
  // Projects first: trackers and artifacts point at them, trackers before artifacts likewise.
  const userIds = await upsert(session, USERS, source, [...users.bySid.values()], memo);
  const projectIds = await upsert(session, PROJECTS, source, [...projects.bySid.values()], memo);
  const trackers = new Entries();
  for (const event of events) {
    if (!event.tracker || !event.project) continue;
    trackers.note(event.tracker.id, event.createdAt.getTime(), { name: event.tracker.name, projectId: projectIds.get(event.project.id) }, null);
  }
  const trackerIds = await upsert(session, TRACKERS, source, [...trackers.bySid.values()], memo);
  const artifacts = new Entries();
  for (const event of events) {
    if (event.artifact?.id === undefined) continue;
    const state = artifactState(event.type);
    artifacts.note(
      event.artifact.id,
      event.createdAt.getTime(),
      {
        name: event.artifact.name,
        kind: event.artifact.kind satisfies ArtifactKind | null,
        projectId: event.project ? projectIds.get(event.project.id) : null,
        trackerId: event.tracker ? trackerIds.get(event.tracker.id) : null,
      },
      state ? { state } : null,
    );
  }
  const artifactIds = await upsert(session, ARTIFACTS, source, [...artifacts.bySid.values()], memo);
  return { users: userIds, projects: projectIds, trackers: trackerIds, artifacts: artifactIds };
}
