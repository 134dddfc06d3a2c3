// The projects and trackers the filters offer: searched as the admin types (option-actions.ts), and
// named for the ids a URL already selects. Guarded: audit readers only.
import "server-only";
import { z } from "zod";
import { requireAuditReader } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { projectsField, trackersField } from "../tabs/search-field";
import { MAX_PLACE_OPTIONS, projectLookupWhere, trackerLookupWhere, type ProjectOption, type TrackerOption } from "../events/place-options";

export const placeQuerySchema = z.string().max(100, "type at most 100 characters");
const TRACKER_SELECT = { id: true, name: true, projectId: true, project: { select: { name: true } } } as const;

function byGivenOrder<Option extends { id: number }>(ids: number[], options: Option[]): Option[] {
  const byId = new Map(options.map((option) => [option.id, option]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function trackerOption(tracker: { id: number; name: string; projectId: number; project: { name: string } }): TrackerOption {
  return { id: tracker.id, name: tracker.name, projectId: tracker.projectId, projectName: tracker.project.name };
}

/** Up to 30 projects whose name or key contains `query`, by name. */
export async function searchProjectOptions(query: string): Promise<ProjectOption[]> {
  await requireAuditReader();
  const text = placeQuerySchema.parse(query);
  return getDb().prisma.project.findMany({
    where: projectLookupWhere(text),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: MAX_PLACE_OPTIONS,
    select: { id: true, key: true, name: true },
  });
}

/** The projects with these ids, in the given order; ids of deleted projects are left out. */
export async function projectOptionsByIds(ids: number[]): Promise<ProjectOption[]> {
  await requireAuditReader();
  const wanted = projectsField.schema.parse(ids);
  if (wanted.length === 0) return [];
  const found = await getDb().prisma.project.findMany({ where: { id: { in: wanted } }, select: { id: true, key: true, name: true } });
  return byGivenOrder(wanted, found);
}

/** Up to 30 trackers of the chosen projects (any project without) matching `query`, by project and name. */
export async function searchTrackerOptions(query: string, projectIds: number[]): Promise<TrackerOption[]> {
  await requireAuditReader();
  const text = placeQuerySchema.parse(query);
  const projects = projectsField.schema.parse(projectIds);
  const found = await getDb().prisma.tracker.findMany({
    where: trackerLookupWhere(text, projects),
    orderBy: [{ project: { name: "asc" } }, { name: "asc" }, { id: "asc" }],
    take: MAX_PLACE_OPTIONS,
    select: TRACKER_SELECT,
  });
  return found.map(trackerOption);
}

/** The trackers with these ids, in the given order; ids of deleted trackers are left out. */
export async function trackerOptionsByIds(ids: number[]): Promise<TrackerOption[]> {
  await requireAuditReader();
  const wanted = trackersField.schema.parse(ids);
  if (wanted.length === 0) return [];
  const found = await getDb().prisma.tracker.findMany({ where: { id: { in: wanted } }, select: TRACKER_SELECT });
  return byGivenOrder(wanted, found.map(trackerOption));
}
