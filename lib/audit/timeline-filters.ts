// An entity's timeline (for now: a user's): paging and sort, and its pure filter-to-query function.
import { z } from "zod";
import type { AuditWhere } from "./filter-query";
import { listShape, sortValues } from "./filter-schema";
import { DEFAULT_PAGE_SIZE } from "./list-result";

export const TIMELINE_SORTS = sortValues(["createdAt"] as const);
export const DEFAULT_TIMELINE_SORT = "createdAt.desc" satisfies (typeof TIMELINE_SORTS)[number];

export const timelineSearchSchema = z.object(listShape(TIMELINE_SORTS));
export type TimelineSearch = z.output<typeof timelineSearchSchema>;

export const DEFAULT_TIMELINE_SEARCH: TimelineSearch = { page: 1, size: DEFAULT_PAGE_SIZE, sort: DEFAULT_TIMELINE_SORT };

/** Every event the user did or that was done to the user, across all categories. */
export function userTimelineWhere(userId: number): AuditWhere {
  return { OR: [{ actorId: userId }, { targetUserId: userId }] };
}
