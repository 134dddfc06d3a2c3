// What one export covers, for run-export.ts: a search tab's filtered result, or an entity timeline's
// (the entity's events that its filters select). Either way the tab's declaration reads and checks
// the filters; an entity adds its condition, its columns, and its name to the file's name and summary.
import "server-only";
import type { AuditWhere } from "@/lib/audit/search/filter-query";
import type { AnySearchTab, TabFilters } from "@/lib/audit/tabs/search-tab";
import { getSearchTab } from "@/lib/audit/tabs/search-tabs";
import { getArtifactProfile, getProjectProfile, getTrackerProfile } from "@/lib/audit/timeline/entity-profiles";
import { subjectTimelineWhere } from "@/lib/audit/timeline/entity-timeline";
import type { TimelineSubject } from "@/lib/audit/timeline/timeline-filters";
import { TIMELINE_EXPORT_COLUMNS } from "@/lib/audit/timeline/timeline-export-columns";
import { TIMELINE_TABS } from "@/lib/audit/timeline/timeline-tabs";
import { getUserProfile } from "@/lib/audit/timeline/user-profile";
import type { ExportColumn } from "./export-columns";
import { EXPORT_COLUMNS } from "./export-tabs";
import { UnknownEntityError, type ExportTarget } from "./export-target";
import type { FilterLine } from "./filter-summary";

export interface ExportScope {
  /** the declaration that reads, checks and describes the filters */
  tab: AnySearchTab;
  /** names the file after "audit-": "logins", "artifact-12-alarm-late" */
  fileStem: string;
  /** the PDF's title and the sheet's name (at most 31 characters): "Logins", "Work item timeline" */
  title: string;
  columns: readonly ExportColumn[];
  /** the summary's lines before the filters: the entity, on an entity's export */
  lead: FilterLine[];
  /** what the Export event says was exported: "Logins events", "events of work item \"Alarm late\" (#12)" */
  what: string;
  /** what the Export event records of the target, beside the filters */
  record: { tab: string; entity?: { kind: TimelineSubject["kind"]; id: number; name: string } };
  where(filters: TabFilters, timeZone: string, now: Date): AuditWhere;
}

interface EntityName {
  /** "Work item", "User" */
  noun: string;
  /** "Alarm late", "Zoë Müller (@zoe.muller)" */
  name: string;
}

/** The entity as its page names it, or null when neither the catalogue nor the audit trail knows it. */
async function entityName(subject: TimelineSubject): Promise<EntityName | null> {
  switch (subject.kind) {
    case "user": {
      const user = await getUserProfile(subject.id);
      return user && { noun: "User", name: user.username === user.displayName ? user.username : `${user.displayName} (@${user.username})` };
    }
    case "artifact": {
      const artifact = await getArtifactProfile(subject.id);
      return artifact && { noun: artifact.kind === "WORK_ITEM" ? "Work item" : "Artifact", name: artifact.name };
    }
    case "project": {
      const project = await getProjectProfile(subject.id);
      return project && { noun: "Project", name: project.name };
    }
    case "tracker": {
      const tracker = await getTrackerProfile(subject.id);
      return tracker && { noun: "Tracker", name: tracker.name };
    }
  }
}

/** Latin letters that no decomposition takes to a plain letter. */
const PLAIN_LETTERS: Record<string, string> = { ł: "l", ø: "o", đ: "d", ß: "ss", æ: "ae", œ: "oe", þ: "th", ı: "i" };

/** "alarm-late" from "Alarm late": Latin letters and digits (accents dropped), at most 40 characters; "" when none. */
export function nameSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[łøđßæœþı]/g, (letter) => PLAIN_LETTERS[letter])
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 40)
    .replace(/^-+|-+$/g, "");
}

/** The scope of an export of `target`. Throws UnknownEntityError for an entity nobody knows. */
export async function exportScope(target: ExportTarget): Promise<ExportScope> {
  if (typeof target === "string") {
    const tab = getSearchTab(target);
    return {
      tab,
      fileStem: target,
      title: tab.title,
      columns: EXPORT_COLUMNS[target],
      lead: [],
      what: `${tab.title} events`,
      record: { tab: target },
      where: (filters, timeZone, now) => tab.where(filters, timeZone, now),
    };
  }
  const named = await entityName(target);
  if (!named) throw new UnknownEntityError(target);
  const tab = TIMELINE_TABS[target.kind];
  const slug = nameSlug(named.name);
  return {
    tab,
    fileStem: `${target.kind}-${target.id}${slug ? `-${slug}` : ""}`,
    title: `${named.noun} timeline`,
    columns: TIMELINE_EXPORT_COLUMNS[target.kind],
    lead: [{ label: named.noun, value: `${named.name} (#${target.id})` }],
    what: `events of ${named.noun.toLowerCase()} "${named.name}" (#${target.id})`,
    record: { tab: tab.id, entity: { kind: target.kind, id: target.id, name: named.name } },
    where: (filters, timeZone, now) => subjectTimelineWhere(target, filters, timeZone, now),
  };
}
