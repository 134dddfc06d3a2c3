// Projects and trackers as the Projects and Trackers filters offer them, and the tracker-narrowing
// rule: with projects chosen, Trackers offers and keeps only trackers of those projects. Pure: the
// form, the lookups and the tests share it.
import type { Prisma } from "@/lib/generated/prisma/client";

export interface ProjectOption {
  id: number;
  /** the demo seed's project key; null for a project a sending system named */
  key: string | null;
  name: string;
}

export interface TrackerOption {
  id: number;
  name: string;
  projectId: number;
  projectName: string;
}

/** How many options a lookup returns at most. */
export const MAX_PLACE_OPTIONS = 30;

/**
 * The chosen trackers that stay chosen after the projects changed: those of the chosen projects.
 * A tracker whose project is unknown (deleted since) cannot be judged and stays.
 */
export function trackerIdsWithin(
  trackerIds: readonly number[],
  known: ReadonlyMap<number, Pick<TrackerOption, "projectId">>,
  projectIds: readonly number[],
): number[] {
  if (projectIds.length === 0) return [...trackerIds];
  const chosen = new Set(projectIds);
  return trackerIds.filter((id) => {
    const tracker = known.get(id);
    return !tracker || chosen.has(tracker.projectId);
  });
}

/** Projects whose name or key contains `text` (any case). */
export function projectLookupWhere(text: string): Prisma.ProjectWhereInput | undefined {
  const query = text.trim();
  if (!query) return undefined;
  return { OR: [{ name: { contains: query, mode: "insensitive" } }, { key: { contains: query, mode: "insensitive" } }] };
}

/** Trackers of the chosen projects (all without) whose name or project name contains `text`. */
export function trackerLookupWhere(text: string, projectIds: readonly number[]): Prisma.TrackerWhereInput {
  const query = text.trim();
  return {
    projectId: projectIds.length > 0 ? { in: [...new Set(projectIds)] } : undefined,
    OR: query ? [{ name: { contains: query, mode: "insensitive" } }, { project: { name: { contains: query, mode: "insensitive" } } }] : undefined,
  };
}
