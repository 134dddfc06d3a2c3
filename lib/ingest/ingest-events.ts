// Stores a validated batch of one source's events: all of it or none, in one transaction. Each
// event is stored once per (source, sender's id), however often it is sent and however many
// requests race with it: the key table's primary key decides (a racing request waits for the
// first to commit, then finds its keys taken). Events of types switched off are counted as dropped;
// events older than the retention period are acknowledged as expired and not stored, so a resend
// of a purged event does not bring it back.
import "server-only";
import type { FieldChange } from "@/lib/audit/events/changes";
import { categoryOf } from "@/lib/audit/events/event-types";
import { loadEnabledEventTypes } from "@/lib/audit/config/event-switches";
import { loadRetention } from "@/lib/audit/config/retention-settings";
import { PURGED_CATEGORIES } from "@/lib/audit/retention/purge-shapes";
import { getDb } from "@/lib/db";
import { shareEventWriteLock } from "@/lib/db/event-write-lock";
import type { SqlSession } from "@/lib/db/database";
import { type Column, insertRows } from "@/lib/db/unnest-insert";
import type { AuditEventType } from "@/lib/generated/prisma/enums";
import type { Database } from "@/lib/db/database";
import { type DirectoryIds, DirectoryMemo, type DirectoryWrite, updateDirectory } from "./directory";
import type { IngestEvent } from "./ingest-schema";
import { addTally } from "./source-tally";

export interface IngestResult {
  /** stored now */
  accepted: number;
  /** stored before (or earlier in the same request): not stored again */
  duplicates: number;
  /** of a type switched off on the Config tab: counted there, not stored */
  dropped: number;
  /** older than the retention period: not stored */
  expired: number;
}

const DAY_MS = 86_400_000;
const PURGED = new Set<string>(PURGED_CATEGORIES);
const DEADLOCK = "40P01";
const ATTEMPTS = 3;

const iso = (date: Date) => date.toISOString();

/** A user named in a change list ({ id, name }) carries the sender's id: the directory's id replaces it. */
function linkChangeUsers(changes: readonly FieldChange[] | null | undefined, users: Map<string, number>): string | null {
  if (!changes?.length) return null;
  const linked = changes.map((change) => {
    if (change.kind !== "user") return change;
    const link = (value: FieldChange["old"]) =>
      value && typeof value === "object" && "name" in value && !Array.isArray(value)
        ? { id: value.id === null ? null : (users.get(String(value.id)) ?? null), name: value.name }
        : value;
    return { ...change, old: link(change.old), new: link(change.new) };
  });
  return JSON.stringify(linked);
}

function changeUserIds(events: readonly IngestEvent[]): string[] {
  const ids = new Set<string>();
  for (const event of events) {
    for (const change of event.changes ?? []) {
      if (change.kind !== "user") continue;
      for (const value of [change.old, change.new]) {
        if (value && typeof value === "object" && "name" in value && value.id !== null) ids.add(String(value.id));
      }
    }
  }
  return [...ids];
}

export function eventColumns(source: string, ids: DirectoryIds, changeUsers: Map<string, number>): Column<IngestEvent>[] {
  const look = (map: Map<string, number>, sid: string | undefined) => (sid === undefined ? null : (map.get(sid) ?? null));
  return [
    ["category", '"AuditCategory"', (event) => categoryOf(event.type)],
    ["eventType", '"AuditEventType"', (event) => event.type],
    ["actorId", "int", (event) => look(ids.users, event.actor.id)],
    ["actorName", "text", (event) => event.actor.username],
    ["targetUserId", "int", (event) => look(ids.users, event.targetUser?.id)],
    ["targetUserName", "text", (event) => event.targetUser?.username ?? null],
    ["projectId", "int", (event) => look(ids.projects, event.project?.id)],
    ["projectName", "text", (event) => event.project?.name ?? null],
    ["trackerId", "int", (event) => look(ids.trackers, event.tracker?.id)],
    ["trackerName", "text", (event) => event.tracker?.name ?? null],
    ["artifactId", "int", (event) => look(ids.artifacts, event.artifact?.id)],
    ["artifactName", "text", (event) => event.artifact?.name ?? null],
    ["artifactKind", '"ArtifactKind"', (event) => event.artifact?.kind ?? null],
    ["message", "text", (event) => event.message ?? null],
    ["changes", "json", (event) => linkChangeUsers(event.changes, changeUsers)],
    ["details", "jsonb", (event) => (event.details ? JSON.stringify(event.details) : null)],
    ["ip", "text", (event) => event.ip ?? null],
    ["userAgent", "text", (event) => event.userAgent ?? null],
    ["createdAt", "timestamptz", (event) => iso(event.createdAt)],
    ["source", "text", () => source],
    ["sourceEventId", "text", (event) => event.id],
  ];
}

/** One memo per database (tests open many in one process). */
const memos = new WeakMap<Database, DirectoryMemo>();

function memoOf(db: Database): DirectoryMemo {
  const known = memos.get(db);
  if (known) return known;
  const memo = new DirectoryMemo();
  memos.set(db, memo);
  return memo;
}

async function store(
  session: SqlSession,
  source: string,
  candidates: readonly IngestEvent[],
  droppedByType: Map<AuditEventType, number>,
  now: Date,
  memo: DirectoryWrite,
) {
  let fresh: IngestEvent[] = [];
  if (candidates.length > 0) {
    // The event's id comes from the table's own default: only the keys decide what is new.
    const taken = await session.query<{ sourceEventId: string }>(
      `INSERT INTO "IngestedEventKey" ("source", "sourceEventId", "receivedAt")
       SELECT $1, k.key, $3 FROM unnest($2::text[]) AS k(key) ORDER BY k.key
       ON CONFLICT DO NOTHING RETURNING "sourceEventId"`,
      [source, candidates.map((event) => event.id), iso(now)],
    );
    const won = new Set(taken.map((row) => row.sourceEventId));
    fresh = candidates.filter((event) => won.has(event.id));
  }
  if (fresh.length > 0) {
    const directory = await updateDirectory(session, source, fresh, memo);
    const changeUsers = new Map(directory.users);
    const unknown = changeUserIds(fresh).filter((sid) => !changeUsers.has(sid));
    if (unknown.length > 0) {
      const rows = await session.query<{ sourceId: string; id: number }>(
        `SELECT "sourceId", id FROM "User" WHERE "source" = $1 AND "sourceId" = ANY($2::text[])`,
        [source, unknown],
      );
      for (const row of rows) changeUsers.set(row.sourceId, Number(row.id));
    }
    await insertRows(session, "AuditEvent", eventColumns(source, directory, changeUsers), fresh, fresh.length);
  }
  for (const [type, count] of droppedByType) {
    await session.query(
      `INSERT INTO "DroppedEventCount" ("eventType", "count", "firstDroppedAt", "lastDroppedAt") VALUES ($1::"AuditEventType", $2, $3, $3)
       ON CONFLICT ("eventType") DO UPDATE SET "count" = "DroppedEventCount"."count" + EXCLUDED."count",
         "lastDroppedAt" = GREATEST("DroppedEventCount"."lastDroppedAt", EXCLUDED."lastDroppedAt")`,
      [type, count, iso(now)],
    );
  }
  return fresh.length;
}

/** Stores `events` (validated, of `source`) and says what became of them. */
export async function ingestEvents(source: string, events: readonly IngestEvent[], now = new Date()): Promise<IngestResult> {
  const db = getDb();
  const [retention, enabled] = await Promise.all([loadRetention(db.prisma), loadEnabledEventTypes(db.prisma)]);
  const cutoff = now.getTime() - retention.days * DAY_MS;
  const seen = new Set<string>();
  const candidates: IngestEvent[] = [];
  const droppedByType = new Map<AuditEventType, number>();
  const result: IngestResult = { accepted: 0, duplicates: 0, dropped: 0, expired: 0 };
  for (const event of events) {
    if (seen.has(event.id)) {
      result.duplicates++;
      continue;
    }
    seen.add(event.id);
    if (PURGED.has(categoryOf(event.type)) && event.createdAt.getTime() < cutoff) result.expired++;
    else if (!enabled.has(event.type)) {
      result.dropped++;
      droppedByType.set(event.type, (droppedByType.get(event.type) ?? 0) + 1);
    } else candidates.push(event);
  }
  const memo = memoOf(db);
  for (let attempt = 1; ; attempt++) {
    try {
      const write = memo.begin();
      const accepted = await db.withTransaction(async (session) => {
        await shareEventWriteLock(session);
        const stored = await store(session, source, candidates, droppedByType, now, write);
        await addTally(session, source, { ...result, accepted: stored, duplicates: result.duplicates + candidates.length - stored }, now);
        return stored;
      });
      memo.commit(write);
      return { ...result, accepted, duplicates: result.duplicates + candidates.length - accepted };
    } catch (error) {
      // Two requests naming the same people in another order can deadlock; PostgreSQL ends one of them.
      if ((error as { code?: string }).code !== DEADLOCK || attempt === ATTEMPTS) throw error;
    }
  }
}
