// What an export route exports: a search tab ("artifacts") or an entity's timeline ("artifact-12"),
// as the file part of /api/export/{target}.{format} spells it. Pure: the export buttons and the route share it.
import { MAX_ID, parseWholeNumber } from "@/lib/audit/tabs/search-field";
import { isSearchTabId, SEARCH_TAB_IDS, type SearchTabId } from "@/lib/audit/tabs/search-tabs";
import { TIMELINE_KINDS, type TimelineKind, type TimelineSubject } from "@/lib/audit/timeline/timeline-filters";

export type ExportTarget = SearchTabId | TimelineSubject;

/** How the route's 404 names what it exports. */
export const EXPORT_TARGETS_TEXT = `{${[...SEARCH_TAB_IDS, ...TIMELINE_KINDS.map((kind) => `${kind}-ID`)].join("|")}}`;

/** "artifact-12": the export target of an entity's timeline. */
export function exportTargetOf(subject: TimelineSubject): string {
  return `${subject.kind}-${subject.id}`;
}

const ENTITY_TARGET = new RegExp(`^(${TIMELINE_KINDS.join("|")})-(\\d{1,10})$`);

/** The tab or entity `text` names, or null. */
export function parseExportTarget(text: string): ExportTarget | null {
  if (isSearchTabId(text)) return text;
  const match = ENTITY_TARGET.exec(text);
  const id = match ? parseWholeNumber(match[2], MAX_ID) : null;
  return match && id !== null ? { kind: match[1] as TimelineKind, id } : null;
}

/** An entity to export that is neither in the catalogue nor in the audit trail: the route's 404. */
export class UnknownEntityError extends Error {
  constructor(subject: TimelineSubject) {
    super(`No ${subject.kind} #${subject.id} is known to the audit trail.`);
    this.name = "UnknownEntityError";
  }
}
