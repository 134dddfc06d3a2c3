// The demo's events as a sending system would post them to /api/audit/events: the seed's world and
// timeline (the same people, projects, work items and change lists), each event turned into the
// ingestion API's shape with the world's ids as the sender's ids. For `npm run simulate` (live
// traffic for a demo) and `npm run bench:ingest`; the caller gives each event its time.
import type { IngestEventInput } from "@/lib/ingest/ingest-schema";
import { buildCalendar } from "./calendar";
import { buildWorld, type IdRanges, rowCounts } from "./directory";
import type { EventRow } from "./event-row";
import { Random } from "./random";
import { timeline } from "./timeline";
import type { SeedUser, World } from "./world";

/** An event without its time: the sender stamps it when it sends. */
export type SenderEvent = Omit<IngestEventInput, "createdAt">;

function person(users: Map<number, SeedUser>, id: number | null, username: string): SenderEvent["actor"] {
  const user = id === null ? undefined : users.get(id);
  if (!user) return { id: `name:${username}`, username };
  return { id: String(user.id), username: user.username, displayName: user.displayName, email: user.email };
}

function toSenderEvent(row: EventRow, id: string, users: Map<number, SeedUser>): SenderEvent {
  const event: SenderEvent = { id, type: row.eventType, actor: person(users, row.actorId, row.actorName) };
  if (row.targetUserName !== null) event.targetUser = person(users, row.targetUserId, row.targetUserName);
  if (row.projectId !== null && row.projectName !== null) event.project = { id: String(row.projectId), name: row.projectName };
  if (row.trackerId !== null && row.trackerName !== null) event.tracker = { id: String(row.trackerId), name: row.trackerName };
  // Groups, accounts and permission targets ("Tracker: Bugs") have no artifact id in the seed: a name only.
  if (row.artifactName !== null) {
    event.artifact = {
      name: row.artifactName,
      ...(row.artifactId === null ? {} : { id: String(row.artifactId) }),
      ...(row.artifactKind ? { kind: row.artifactKind } : {}),
    };
  }
  if (row.message !== null) event.message = row.message;
  if (row.changes !== null) event.changes = JSON.parse(row.changes);
  if (row.ip !== null) event.ip = row.ip;
  if (row.userAgent !== null) event.userAgent = row.userAgent;
  return event;
}

function sequentialIds(counts: Record<keyof IdRanges, number>): IdRanges {
  const ids = {} as IdRanges;
  for (const [table, count] of Object.entries(counts) as [keyof IdRanges, number][]) ids[table] = Array.from({ length: count }, (_, index) => index + 1);
  return ids;
}

export interface SenderOptions {
  /** events in the world's plan: its size (how many people, items) follows from it; at least 1,000 */
  events: number;
  seed?: number;
  /** each event's id is `${idPrefix}${n}`: a prefix per run keeps runs apart */
  idPrefix: string;
  batchSize?: number;
}

/** The world's events in time order, `batchSize` at a time, for as long as the caller takes them (the timeline repeats). */
export function* senderEvents(options: SenderOptions): Generator<SenderEvent[]> {
  const rng = new Random(options.seed ?? 1);
  const calendar = buildCalendar(new Date(), rng.fork("calendar"));
  const { world, plan } = buildWorld(options.events, calendar, rng.fork("world"), sequentialIds(rowCounts(options.events)));
  const users = new Map(world.users.map((user) => [user.id, user]));
  let next = 0;
  for (let round = 0; ; round++) {
    for (const batch of timeline(world as World, plan, calendar, rng.fork(`timeline-${round}`), options.batchSize ?? 1000)) {
      yield batch.map((row) => toSenderEvent(row, `${options.idPrefix}${next++}`, users));
    }
  }
}
