// Where the console shows an entity or an event: one place for the paths every link uses.
export type EntityKind = "user" | "project" | "tracker" | "artifact";

const PATHS: Record<EntityKind, string> = { user: "/users", project: "/projects", tracker: "/trackers", artifact: "/artifacts" };

export function entityHref(kind: EntityKind, id: number): string {
  return `${PATHS[kind]}/${id}`;
}

/** The diff view of an event. */
export function changesHref(eventId: string): string {
  return `/audit/changes/${encodeURIComponent(eventId)}`;
}
