// The sending system's ids of the users, projects, trackers and artifacts a pull's events name
// (Sonatype's lines carry those, never the console's), looked up a batch at a time on the pull's
// own connection: one query a batch, for the ids not held yet. A pull names the same users and
// projects again and again; a million work items are let go past MAX_HELD, so memory stays flat.
import type { ExportEvent, LookupQuery } from "@/lib/export/export-event";
import type { DirectoryKind } from "../source-ids";

/** The sender's id of a directory entry; undefined for none (the console's own accounts) or no entry. */
export type SenderIdOf = (kind: DirectoryKind, id: number | null | undefined) => string | undefined;

const TABLES: Record<DirectoryKind, string> = { users: "User", projects: "Project", trackers: "Tracker", artifacts: "Artifact" };
/** Ids held per kind; past it, that kind's start over. */
export const MAX_HELD = 10_000;

export class SenderIdCache {
  private readonly held = new Map<DirectoryKind, Map<number, string | null>>((Object.keys(TABLES) as DirectoryKind[]).map((kind) => [kind, new Map()]));

  constructor(private readonly query: LookupQuery) {}

  private heldOf(kind: DirectoryKind): Map<number, string | null> {
    return this.held.get(kind) as Map<number, string | null>;
  }

  /** Looks up the ids `events` name that are not held yet. */
  async load(events: readonly ExportEvent[]): Promise<void> {
    const wanted = new Map<DirectoryKind, Set<number>>();
    const want = (kind: DirectoryKind, id: number | null | undefined) => {
      if (id == null || this.heldOf(kind).has(id)) return;
      const ids = wanted.get(kind) ?? new Set<number>();
      wanted.set(kind, ids.add(id));
    };
    for (const event of events) {
      want("users", event.actor.id);
      want("users", event.targetUser?.id);
      want("projects", event.project?.id);
      want("trackers", event.tracker?.id);
      want("artifacts", event.artifact?.id);
    }
    if (wanted.size === 0) return;
    const params: number[][] = [];
    const selects = [...wanted].map(([kind, ids]) => {
      params.push([...ids]);
      return `SELECT '${kind}' AS "kind", "id", "sourceId" FROM "${TABLES[kind]}" WHERE "id" = ANY($${params.length}::int[])`;
    });
    const rows = await this.query<{ kind: DirectoryKind; id: number; sourceId: string | null }>(selects.join(" UNION ALL "), params);
    for (const [kind, ids] of wanted) {
      const held = this.heldOf(kind);
      if (held.size + ids.size > MAX_HELD) held.clear();
      for (const id of ids) held.set(id, null);
    }
    for (const row of rows) this.heldOf(row.kind).set(Number(row.id), row.sourceId);
  }

  readonly senderId: SenderIdOf = (kind, id) => (id == null ? undefined : (this.heldOf(kind).get(id) ?? undefined));
}
