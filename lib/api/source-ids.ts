// The ids a reference's client sends and reads (Codebeamer's projectIds, Jira's userIds, Octane's
// user_id) are the sending system's own ids, not the console's: within one source, the token's, or
// for a console session the `source` parameter, needed only when more than one sending system
// exists (the console's own events are no sending system). Here they become the directory's ids and
// back. Guarded: audit readers only.
import "server-only";
import type { TokenCaller } from "@/lib/auth/api-tokens/api-tokens";
import { requireAuditReader } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { InputError } from "./input-error";

/** The directory tables a sender's ids name. */
export type DirectoryKind = "users" | "projects" | "trackers" | "artifacts";

/** A sender's id as the directory keeps it: at most this long. */
const MAX_SENDER_ID_LENGTH = 200;

/**
 * The sending system whose ids a call's ids are: the token's own (a token naming another in
 * `requested` is refused), the one `requested` names, or the only sending system there is. Null
 * when none exists: no id then names anything. `field` is how the client spells the parameter.
 */
export async function idSourceOf(
  token: Pick<TokenCaller, "source" | "name"> | null,
  requested: string | null | undefined,
  field = "source",
): Promise<string | null> {
  await requireAuditReader();
  const wanted = requested?.trim() || null;
  if (token) {
    if (wanted && wanted !== token.source) {
      throw new InputError(
        field,
        `${field}: the API token "${token.name}" reads the ids of its own source, "${token.source}"; leave ${field} out or name "${token.source}"`,
      );
    }
    return token.source;
  }
  const sources = (await getDb().prisma.eventSource.findMany({ orderBy: { name: "asc" }, select: { name: true } })).map((source) => source.name);
  if (wanted) {
    if (!sources.includes(wanted)) throw new InputError(field, `${field}: no sending system is called "${wanted}"; known: ${sources.join(", ") || "none yet"}`);
    return wanted;
  }
  if (sources.length <= 1) return sources[0] ?? null;
  throw new InputError(field, `${field}: ids are a sending system's own; name which one (${sources.join(", ")})`);
}

/** A sender's id as text, checked: ids come as numbers or strings. */
export function senderIdText(value: string | number, field: string): string {
  const text = String(value).trim();
  if (text === "" || text.length > MAX_SENDER_ID_LENGTH) throw new InputError(field, `${field}: "${String(value).slice(0, 40)}" is not an id`);
  return text;
}

const TABLES = {
  users: "user",
  projects: "project",
  trackers: "tracker",
  artifacts: "artifact",
} as const;

type Entry = { id: number; sourceId: string | null; source: string | null };

function findEntries(kind: DirectoryKind, where: Record<string, unknown>): Promise<Entry[]> {
  const select = { id: true, sourceId: true, source: true };
  const { prisma } = getDb().reads;
  // One call per table: Prisma's delegates share no callable type.
  switch (TABLES[kind]) {
    case "user":
      return prisma.user.findMany({ where, select });
    case "project":
      return prisma.project.findMany({ where, select });
    case "tracker":
      return prisma.tracker.findMany({ where, select });
    case "artifact":
      return prisma.artifact.findMany({ where, select });
  }
}

/**
 * The console's ids of the `kind` entries of `source` that the sender calls `senderIds`, in the
 * order given; ids it does not know are left out (they select nothing). Null source: nothing.
 */
export async function directoryIds(kind: DirectoryKind, source: string | null, senderIds: readonly string[]): Promise<number[]> {
  await requireAuditReader();
  if (source === null || senderIds.length === 0) return [];
  const entries = await findEntries(kind, { source, sourceId: { in: [...new Set(senderIds)] } });
  return entries.map((entry) => entry.id);
}

/** The console's ids of the users of `source` called `usernames` (a username may repeat across sources, not within one). */
export async function userIdsByName(source: string | null, usernames: readonly string[]): Promise<number[]> {
  await requireAuditReader();
  if (usernames.length === 0) return [];
  const { prisma } = getDb().reads;
  const users = await prisma.user.findMany({ where: { source, username: { in: [...new Set(usernames)] } }, select: { id: true } });
  return users.map((user) => user.id);
}

/** The sender's ids of directory entries by the console's id: entries of no source (console accounts) have none. */
export async function senderIdsOf(kind: DirectoryKind, ids: ReadonlyArray<number | null>): Promise<Map<number, string>> {
  await requireAuditReader();
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const entries = await findEntries(kind, { id: { in: wanted } });
  return new Map(entries.flatMap((entry) => (entry.sourceId === null ? [] : [[entry.id, entry.sourceId] as const])));
}

/** The sender's ids of every user, project, tracker and artifact some of `rows` name. */
export interface SenderIds {
  users: Map<number, string>;
  projects: Map<number, string>;
  trackers: Map<number, string>;
  artifacts: Map<number, string>;
}

interface NamesIds {
  actor: { id: number | null };
  targetUser: { id: number | null } | null;
  project: { id: number | null } | null;
  tracker: { id: number | null } | null;
  artifact: { id: number | null } | null;
}

export async function senderIdsOfRows(rows: readonly NamesIds[]): Promise<SenderIds> {
  const [users, projects, trackers, artifacts] = await Promise.all([
    senderIdsOf(
      "users",
      rows.flatMap((row) => [row.actor.id, row.targetUser?.id ?? null]),
    ),
    senderIdsOf(
      "projects",
      rows.map((row) => row.project?.id ?? null),
    ),
    senderIdsOf(
      "trackers",
      rows.map((row) => row.tracker?.id ?? null),
    ),
    senderIdsOf(
      "artifacts",
      rows.map((row) => row.artifact?.id ?? null),
    ),
  ]);
  return { users, projects, trackers, artifacts };
}
