// The filters of an export in words, for the PDF title block, the Excel "About" sheet, the audit
// event and the file name. Pure.
import { PRESET_LABELS, rangeDays, type InstantRange } from "@/lib/audit/search/date-range";
import { eventTypeLabel, type AuditEventType } from "@/lib/audit/events/event-types";
import { CUSTOM_RANGE, type RangeChoice } from "@/lib/audit/search/filter-schema";
import type { SelectedOptions } from "@/lib/audit/selected-options";

export interface SummaryFilters {
  users: readonly number[];
  targetUsers?: readonly number[];
  projects?: readonly number[];
  trackers?: readonly number[];
  types: readonly AuditEventType[];
  range: RangeChoice;
}

export interface FilterLine {
  label: string;
  value: string;
}

/** Names of the chosen ids, in the order chosen; an id without a name (deleted) reads "#12". */
function names(ids: readonly number[] | undefined, options: ReadonlyArray<{ id: number; name: string }>): string {
  if (!ids || ids.length === 0) return "All";
  const byId = new Map(options.map((option) => [option.id, option.name]));
  return ids.map((id) => byId.get(id) ?? `#${id}`).join(", ");
}

function userNames(ids: readonly number[] | undefined, options: SelectedOptions["users"]): string {
  return names(ids, options.map((user) => ({ id: user.id, name: `${user.displayName} (@${user.username}${user.enabled ? "" : ", disabled"})` })));
}

/**
 * One line per filter the tab has, labelled as the tab labels it:
 * [{ label: "Users", value: "alice, bob" }, { label: "Login range", value: "Last 30 Days: 2026-10-25 to 2026-11-23" }].
 */
export function filterLines(filters: SummaryFilters, labels: Record<string, string>, selected: SelectedOptions, range: InstantRange, timeZone: string): FilterLine[] {
  const lines: FilterLine[] = [{ label: labels.users ?? "Users", value: userNames(filters.users, selected.users) }];
  if (filters.targetUsers !== undefined) lines.push({ label: labels.targetUsers ?? "Target Users", value: userNames(filters.targetUsers, selected.targetUsers) });
  if (filters.projects !== undefined) lines.push({ label: labels.projects ?? "Projects", value: names(filters.projects, selected.projects) });
  if (filters.trackers !== undefined) {
    const trackers = selected.trackers.map((tracker) => ({ id: tracker.id, name: `${tracker.projectName} / ${tracker.name}` }));
    lines.push({ label: labels.trackers ?? "Trackers", value: names(filters.trackers, trackers) });
  }
  lines.push({ label: labels.types ?? "Event Types", value: filters.types.length > 0 ? filters.types.map(eventTypeLabel).join(", ") : "All" });
  const days = rangeDays(range, timeZone);
  const span = `${days.from} to ${days.to}`;
  lines.push({ label: labels.range ?? "Range", value: filters.range === CUSTOM_RANGE ? span : `${PRESET_LABELS[filters.range]}: ${span}` });
  return lines;
}

/** "Users: alice · Event Types: All · Login range: Last 30 Days: 2026-10-25 to 2026-11-23" */
export function filterSummaryText(lines: readonly FilterLine[]): string {
  return lines.map((line) => `${line.label}: ${line.value}`).join(" · ");
}

/** A short slug of the filters for a file name: "last-30-days", "2026-01-01_2026-03-31_2-users". */
export function filterSlug(filters: SummaryFilters, range: InstantRange, timeZone: string): string {
  const parts: string[] = [];
  if (filters.range === CUSTOM_RANGE) {
    const days = rangeDays(range, timeZone);
    parts.push(`${days.from}_${days.to}`);
  } else {
    parts.push(filters.range.toLowerCase().replaceAll("_", "-"));
  }
  const count = (ids: readonly unknown[] | undefined, noun: string) => {
    if (ids && ids.length > 0) parts.push(`${ids.length}-${noun}${ids.length === 1 ? "" : "s"}`);
  };
  count(filters.users, "user");
  count(filters.targetUsers, "target");
  count(filters.projects, "project");
  count(filters.trackers, "tracker");
  if (filters.types.length === 1) parts.push(filters.types[0].toLowerCase().replaceAll("_", "-"));
  else count(filters.types, "type");
  return parts.join("_");
}
