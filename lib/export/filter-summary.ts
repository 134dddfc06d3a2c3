// The filters of an export in words, for the PDF title block, the Excel "About" sheet, the audit
// event and the file name, from the tab's declaration: every list field, the event types, the range. Pure.
import { PRESET_LABELS, rangeDays, type InstantRange } from "@/lib/audit/search/date-range";
import { eventTypeLabel } from "@/lib/audit/events/event-types";
import { sourceFilterLabel } from "@/lib/audit/events/sources";
import { CUSTOM_RANGE } from "@/lib/audit/search/filter-schema";
import type { OptionsOfKind, SelectedOptions } from "@/lib/audit/search/selected-options";
import type { IdsField, SearchField } from "@/lib/audit/tabs/search-field";
import type { SearchTab, TabFilters } from "@/lib/audit/tabs/search-tab";

export interface FilterLine {
  label: string;
  value: string;
}

type IdKind = IdsField["options"];

/** How a chosen option reads in a summary: a user with their username and state, a tracker with its project. */
const OPTION_NAMES: { [Kind in IdKind]: (option: OptionsOfKind[Kind]) => string } = {
  users: (user) => `${user.displayName} (@${user.username}${user.enabled ? "" : ", disabled"})`,
  projects: (project) => project.name,
  trackers: (tracker) => `${tracker.projectName} / ${tracker.name}`,
};

/** Names of the chosen ids, in the order chosen; an id without a name (deleted) reads "#12". */
function names(ids: readonly number[], kind: IdKind, options: Array<OptionsOfKind[IdKind]> = []): string {
  const name = OPTION_NAMES[kind] as (option: (typeof options)[number]) => string;
  const byId = new Map(options.map((option) => [option.id, name(option)]));
  return ids.map((id) => byId.get(id) ?? `#${id}`).join(", ");
}

// never[]: a field's own values (ids or names), which the tab's schema checked.
function valuesOf(filters: object, key: string): never[] {
  return (filters as unknown as Record<string, never[]>)[key] ?? [];
}

/** A field's choice in words: "All", the users' names, "Audit Console, demo". */
function fieldText(field: SearchField, values: readonly (number | string)[], options: SelectedOptions[string] | undefined): string {
  if (values.length === 0) return "All";
  if (field.kind === "sources") return values.map((value) => sourceFilterLabel(String(value))).join(", ");
  return names(values as readonly number[], field.options, options as Array<OptionsOfKind[IdKind]> | undefined);
}

/**
 * One line per filter the tab has, labelled as the tab labels it:
 * [{ label: "Users", value: "Ada Admin (@admin)" }, { label: "Login range", value: "Last 30 Days: 2026-10-25 to 2026-11-23" }].
 */
export function filterLines<Fields extends readonly SearchField[]>(
  tab: SearchTab<string, Fields>,
  filters: TabFilters<Fields>,
  selected: SelectedOptions,
  range: InstantRange,
  timeZone: string,
): FilterLine[] {
  const lines = tab.fields.map((field) => ({ label: field.label, value: fieldText(field, valuesOf(filters, field.key), selected[field.key]) }));
  lines.push({ label: tab.labels.types, value: filters.types.length > 0 ? filters.types.map(eventTypeLabel).join(", ") : "All" });
  const days = rangeDays(range, timeZone);
  const span = `${days.from} to ${days.to}`;
  lines.push({ label: tab.labels.range, value: filters.range === CUSTOM_RANGE ? span : `${PRESET_LABELS[filters.range]}: ${span}` });
  return lines;
}

/** A short slug of the filters for a file name: "last-30-days", "2026-01-01_2026-03-31_2-users_source-demo". */
export function filterSlug<Fields extends readonly SearchField[]>(
  tab: SearchTab<string, Fields>,
  filters: TabFilters<Fields>,
  range: InstantRange,
  timeZone: string,
): string {
  const parts: string[] = [];
  if (filters.range === CUSTOM_RANGE) {
    const days = rangeDays(range, timeZone);
    parts.push(`${days.from}_${days.to}`);
  } else {
    parts.push(filters.range.toLowerCase().replaceAll("_", "-"));
  }
  for (const field of tab.fields) {
    const slug = field.slug(valuesOf(filters, field.key));
    if (slug) parts.push(slug);
  }
  if (filters.types.length === 1) parts.push(filters.types[0].toLowerCase().replaceAll("_", "-"));
  else if (filters.types.length > 1) parts.push(`${filters.types.length}-types`);
  return parts.join("_");
}
