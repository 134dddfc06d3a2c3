// The link templates of the sources, saved and read: setting one is an administrator's Audit Config
// Change (with the old and new template); reading one fills it with an entity's or an event's ids in
// its source (source-links.ts).
import "server-only";
import { requireAdmin, requireAuditReader } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { InputError, inputError } from "@/lib/api/input-error";
import { lockConfigChanges, recordConfigChange, type ChangeContext } from "../config/config-change";
import type { TimelineSubject } from "../timeline/timeline-filters";
import type { EventRow } from "./event-rows";
import { fillLinkTemplate, SOURCE_LINK_LABELS, sourceLinkInputSchema, type LinkIds, type SourceLink, type SourceLinkInput } from "./source-links";

/** Saves a source's template (null clears it), recording the change; the same template again writes nothing. */
export async function setSourceLinkTemplate(input: SourceLinkInput, context: ChangeContext): Promise<{ changed: boolean }> {
  const principal = await requireAdmin("Changing a source's link template");
  const parsed = sourceLinkInputSchema.safeParse(input);
  if (!parsed.success) throw inputError(parsed.error, SOURCE_LINK_LABELS);
  const { source, linkTemplate } = parsed.data;
  return getDb().prisma.$transaction(async (tx) => {
    await lockConfigChanges(tx);
    const current = await tx.eventSource.findUnique({ where: { name: source }, select: { linkTemplate: true } });
    if (!current) throw new InputError("source", `No source is named "${source}". Reload the page to see the sources there are.`);
    if (current.linkTemplate === linkTemplate) return { changed: false };
    await tx.eventSource.update({ where: { name: source }, data: { linkTemplate } });
    await recordConfigChange(tx, principal, context, {
      setting: "sourceLink",
      message: linkTemplate === null ? `Source "${source}": link template removed` : `Source "${source}": link template set to ${linkTemplate}`,
      changes: [{ field: `Link template of ${source}`, kind: "text", old: current.linkTemplate ?? "", new: linkTemplate ?? "" }],
      details: { source },
    });
    return { changed: true };
  });
}

/** Every source's template, by source name: the settings page's form shows them. */
export async function getSourceLinkTemplates(): Promise<Record<string, string | null>> {
  await requireAdmin("Reading the sources' link templates");
  const rows = await getDb().prisma.eventSource.findMany({ select: { name: true, linkTemplate: true } });
  return Object.fromEntries(rows.map((row) => [row.name, row.linkTemplate]));
}

async function linkOf(source: string | null, ids: LinkIds): Promise<SourceLink | null> {
  if (source === null) return null;
  const row = await getDb().reads.prisma.eventSource.findUnique({ where: { name: source }, select: { linkTemplate: true } });
  const href = row?.linkTemplate ? fillLinkTemplate(row.linkTemplate, ids) : null;
  return href ? { href, source } : null;
}

const SOURCE = { source: true, sourceId: true } as const;

/** The source's ids of the catalogue's user, project, tracker and artifact with these console ids. */
async function catalogueIds(ids: { userId?: number | null; projectId?: number | null; trackerId?: number | null; artifactId?: number | null }) {
  const { prisma } = getDb().reads;
  const find = <T>(id: number | null | undefined, read: (id: number) => Promise<T>) => (id ? read(id) : Promise.resolve(null));
  const [user, project, tracker, artifact] = await Promise.all([
    find(ids.userId, (id) => prisma.user.findUnique({ where: { id }, select: SOURCE })),
    find(ids.projectId, (id) => prisma.project.findUnique({ where: { id }, select: SOURCE })),
    find(ids.trackerId, (id) => prisma.tracker.findUnique({ where: { id }, select: SOURCE })),
    find(ids.artifactId, (id) => prisma.artifact.findUnique({ where: { id }, select: SOURCE })),
  ]);
  return { user, project, tracker, artifact };
}

type Found = Awaited<ReturnType<typeof catalogueIds>>;

/** The ids in `source` of what was found; an entry of another source has no id there. */
function linkIds(found: Found, source: string): LinkIds {
  const idIn = (entry: { source: string | null; sourceId: string | null } | null) => (entry?.source === source ? entry.sourceId : null);
  return { userId: idIn(found.user), projectId: idIn(found.project), trackerId: idIn(found.tracker), artifactId: idIn(found.artifact) };
}

/** "Open in the source system" for an entity page: its source's template, filled with its ids there (and its project's and tracker's), or null. */
export async function entitySourceLink(subject: TimelineSubject): Promise<SourceLink | null> {
  await requireAuditReader();
  const { prisma } = getDb().reads;
  const { id } = subject;
  const place =
    subject.kind === "artifact"
      ? await prisma.artifact.findUnique({ where: { id }, select: { projectId: true, trackerId: true } })
      : subject.kind === "tracker"
        ? await prisma.tracker.findUnique({ where: { id }, select: { projectId: true } })
        : null;
  const found = await catalogueIds({
    userId: subject.kind === "user" ? id : null,
    artifactId: subject.kind === "artifact" ? id : null,
    trackerId: subject.kind === "tracker" ? id : place && "trackerId" in place ? place.trackerId : null,
    projectId: subject.kind === "project" ? id : (place?.projectId ?? null),
  });
  const source = found[subject.kind]?.source ?? null;
  return source === null ? null : linkOf(source, linkIds(found, source));
}

/** "Open in the source system" for an event (the diff view): its source's template, filled with the ids of what it names (the user it is about). */
export async function eventSourceLink(event: Pick<EventRow, "source" | "artifact" | "project" | "tracker" | "targetUser">): Promise<SourceLink | null> {
  await requireAuditReader();
  if (event.source === null) return null;
  const found = await catalogueIds({
    userId: event.targetUser?.id,
    artifactId: event.artifact?.id,
    projectId: event.project?.id,
    trackerId: event.tracker?.id,
  });
  return linkOf(event.source, linkIds(found, event.source));
}
