// An entity's timeline (a user, an artifact, a project, a tracker): paging and sort, and its pure
// filter-to-query function.
import { z } from "zod";
import type { AuditWhere } from "../search/filter-query";
import { listShape, sortValues } from "../search/filter-schema";
import { DEFAULT_PAGE_SIZE } from "../search/list-result";

export const TIMELINE_SORTS = sortValues(["createdAt"] as const);
export const DEFAULT_TIMELINE_SORT = "createdAt.desc" satisfies (typeof TIMELINE_SORTS)[number];

export const timelineSearchSchema = z.object(listShape(TIMELINE_SORTS));
export type TimelineSearch = z.output<typeof timelineSearchSchema>;

export const DEFAULT_TIMELINE_SEARCH: TimelineSearch = { page: 1, size: DEFAULT_PAGE_SIZE, sort: DEFAULT_TIMELINE_SORT };

export const TIMELINE_KINDS = ["user", "artifact", "project", "tracker"] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** Whose timeline: the entity's kind and id. */
export interface TimelineSubject {
  kind: TimelineKind;
  id: number;
}

export const timelineSubjectSchema = z.object({ kind: z.enum(TIMELINE_KINDS), id: z.number().int().positive().max(2_147_483_647) });

/**
 * The events of a timeline, across all categories: what a user did or had done to them; every event
 * about an artifact, in a project or in a tracker. Each reads an index that starts with the id.
 */
export function timelineWhere(subject: TimelineSubject): AuditWhere {
  switch (subject.kind) {
    case "user":
      return { OR: [{ actorId: subject.id }, { targetUserId: subject.id }] };
    case "artifact":
      return { artifactId: subject.id };
    case "project":
      return { projectId: subject.id };
    case "tracker":
      return { trackerId: subject.id };
  }
}
