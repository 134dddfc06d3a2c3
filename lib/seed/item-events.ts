// The life of work items and artifacts as the timeline advances: Create first (with the initial
// values), Updates that change one to four fields, Remove to the trash before any Restore, Delete
// last (with the last values). Every event of an item comes after the item's previous one.
import type { ChangeValue, FieldChange } from "@/lib/audit/events/changes";
import type { ArtifactKind, AuditEventType } from "@/lib/generated/prisma/enums";
import { itemEventRow, type EventRow } from "./event-row";
import { fieldsOf, type FieldContext, type FieldSpec } from "./fields";
import { initializeFields, REMOVABLE_TYPES, userRef } from "./items";
import type { Random } from "./random";
import { isActiveAt, type SeedItem, type SeedProject, type SeedUser, type World } from "./world";

export type ItemOperation = "create" | "update" | "remove" | "restore" | "delete";

const EVENT_TYPES: Record<ArtifactKind, Record<ItemOperation, AuditEventType>> = {
  WORK_ITEM: { create: "WORK_ITEM_CREATE", update: "WORK_ITEM_UPDATE", remove: "WORK_ITEM_REMOVE", restore: "WORK_ITEM_RESTORE", delete: "WORK_ITEM_DELETE" },
  ARTIFACT: { create: "ARTIFACT_CREATE", update: "ARTIFACT_UPDATE", remove: "ARTIFACT_REMOVE", restore: "ARTIFACT_RESTORE", delete: "ARTIFACT_DELETE" },
};
const NAME_FIELDS = new Set(["Summary", "Name", "Title"]);

function sameValue(a: ChangeValue, b: ChangeValue): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.join("\u0000") === b.join("\u0000");
  return JSON.stringify(a) === JSON.stringify(b);
}

export class ItemLife {
  /** items still to be created in the window, per project (null: artifacts of no project) */
  private readonly waiting = new Map<string, SeedItem[]>();
  private readonly trash: Record<ArtifactKind, SeedItem[]> = { WORK_ITEM: [], ARTIFACT: [] };
  private readonly globalArtifacts: SeedItem[] = [];

  constructor(
    private readonly world: World,
    private readonly rng: Random,
  ) {
    for (const item of world.items) if (item.createdInWindow) this.queue(item.kind, item.project).push(item);
    const existing = world.items.filter((item) => !item.createdInWindow).sort((a, b) => a.createdAt - b.createdAt);
    for (const item of existing) this.listOf(item).push(item);
  }

  private queue(kind: ArtifactKind, project: SeedProject | null): SeedItem[] {
    const key = `${kind}:${project?.spec.key ?? "-"}`;
    let queue = this.waiting.get(key);
    if (!queue) {
      queue = [];
      this.waiting.set(key, queue);
    }
    return queue;
  }

  private listOf(item: SeedItem): SeedItem[] {
    if (!item.project) return this.globalArtifacts;
    return item.kind === "WORK_ITEM" ? item.project.items : item.project.artifacts;
  }

  apply(operation: ItemOperation, kind: ArtifactKind, actor: SeedUser, time: number): EventRow | null {
    switch (operation) {
      case "create":
        return this.create(kind, actor, time);
      case "update":
        return this.update(kind, actor, time);
      case "remove":
        return this.remove(kind, actor, time);
      case "restore":
        return this.restore(kind, actor, time);
      case "delete":
        return this.delete(kind, actor, time);
    }
  }

  private context(item: SeedItem, time: number): FieldContext {
    const members = item.project?.members ?? this.world.users;
    return {
      rng: this.rng,
      time,
      item,
      member: () => {
        for (let attempt = 0; attempt < 8; attempt++) {
          const user = this.rng.pick(members);
          if (isActiveAt(user, time)) return userRef(user);
        }
        return null;
      },
    };
  }

  private create(kind: ArtifactKind, actor: SeedUser, time: number): EventRow | null {
    const projects = this.rng.shuffle([...actor.projects, ...(kind === "ARTIFACT" ? [null] : [])]);
    let queue = projects.map((project) => this.queue(kind, project)).find((candidate) => candidate.length > 0);
    queue ??= [...this.waiting.entries()].find(([key, items]) => key.startsWith(kind) && items.length > 0)?.[1];
    const item = queue?.shift();
    if (!item) return null;
    item.createdAt = time;
    item.lastEventAt = time;
    initializeFields(item, this.context(item, time));
    this.listOf(item).push(item);
    const changes: FieldChange[] = fieldsOf(item)
      .filter((field) => item.fields.has(field.name))
      .map((field) => ({ field: field.name, kind: field.kind, old: null, new: item.fields.get(field.name)! }));
    return itemEventRow(EVENT_TYPES[kind].create, actor, time, item, changes);
  }

  /** An item of the actor's projects that exists now, preferring recently created ones. */
  private pickLive(kind: ArtifactKind, actor: SeedUser, time: number, accept: (item: SeedItem) => boolean): SeedItem | null {
    for (let attempt = 0; attempt < 10; attempt++) {
      const project = actor.projects.length && this.rng.chance(0.92) ? this.rng.pick(actor.projects) : this.rng.pick(this.world.projects);
      const list = kind === "WORK_ITEM" ? project.items : this.rng.chance(0.12) ? this.globalArtifacts : project.artifacts;
      if (list.length === 0) continue;
      const item = list[list.length - 1 - Math.floor(list.length * this.rng.next() ** 3)];
      if (item.state === "ACTIVE" && item.createdAt <= time && item.lastEventAt < time && accept(item)) return item;
    }
    return null;
  }

  private update(kind: ArtifactKind, actor: SeedUser, time: number): EventRow | null {
    const item = this.pickLive(kind, actor, time, () => true);
    if (!item) return null;
    const context = this.context(item, time);
    const wanted = this.rng.weighted([1, 2, 3, 4], [0.55, 0.27, 0.12, 0.06]);
    const candidates: FieldSpec[] = [...fieldsOf(item)];
    const changes: FieldChange[] = [];
    while (changes.length < wanted && candidates.length > 0) {
      const field = this.rng.weighted(
        candidates,
        candidates.map((candidate) => candidate.weight),
      );
      candidates.splice(candidates.indexOf(field), 1);
      const old = item.fields.get(field.name) ?? null;
      const next = field.next(context, old);
      if (next === undefined || sameValue(old, next)) continue;
      changes.push({ field: field.name, kind: field.kind, old, new: next });
      if (next === null) item.fields.delete(field.name);
      else item.fields.set(field.name, next);
      if (NAME_FIELDS.has(field.name) && typeof next === "string") item.name = next;
    }
    if (changes.length === 0) return null;
    item.lastEventAt = time;
    return itemEventRow(EVENT_TYPES[kind].update, actor, time, item, changes);
  }

  private removable = (item: SeedItem) => item.kind === "WORK_ITEM" || REMOVABLE_TYPES.includes(item.type as never);

  private remove(kind: ArtifactKind, actor: SeedUser, time: number): EventRow | null {
    const item = this.pickLive(kind, actor, time, this.removable);
    if (!item) return null;
    item.state = "TRASHED";
    item.lastEventAt = time;
    this.trash[kind].push(item);
    return itemEventRow(EVENT_TYPES[kind].remove, actor, time, item, null);
  }

  private fromTrash(kind: ArtifactKind, time: number): SeedItem | null {
    const trash = this.trash[kind];
    for (let attempt = 0; attempt < 4 && trash.length > 0; attempt++) {
      const index = this.rng.int(0, trash.length - 1);
      const item = trash[index];
      if (item.lastEventAt < time) {
        trash.splice(index, 1);
        return item;
      }
    }
    return null;
  }

  private restore(kind: ArtifactKind, actor: SeedUser, time: number): EventRow | null {
    const item = this.fromTrash(kind, time);
    if (!item) return null;
    item.state = "ACTIVE";
    item.lastEventAt = time;
    return itemEventRow(EVENT_TYPES[kind].restore, actor, time, item, null);
  }

  private delete(kind: ArtifactKind, actor: SeedUser, time: number): EventRow | null {
    const item = this.rng.chance(0.8) ? this.fromTrash(kind, time) : this.pickLive(kind, actor, time, this.removable);
    if (!item) return null;
    item.state = "DELETED";
    item.lastEventAt = time;
    const changes: FieldChange[] = fieldsOf(item)
      .filter((field) => item.fields.has(field.name))
      .map((field) => ({ field: field.name, kind: field.kind, old: item.fields.get(field.name)!, new: null }));
    return itemEventRow(EVENT_TYPES[kind].delete, actor, time, item, changes);
  }

  /** Items the timeline never got round to creating count as created before the window. */
  settleUncreated(before: number): void {
    for (const queue of this.waiting.values()) {
      for (const item of queue.splice(0)) {
        item.createdAt = before - 1000;
        item.createdInWindow = false;
      }
    }
  }
}
