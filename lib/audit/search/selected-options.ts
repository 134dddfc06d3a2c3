// What a tab's form and its exports show for the values a search holds: the chosen users, projects
// and trackers of each id field, looked up by the field's option kind (ids of deleted ones are left
// out), and every choice of the Sources field.
import "server-only";
import type { ProjectOption, TrackerOption } from "../events/place-options";
import type { SourceOption } from "../events/sources";
import type { UserOption } from "../events/user-refs";
import type { OptionKind } from "../tabs/search-field";
import type { AnySearchTab, TabFilters } from "../tabs/search-tab";
import { projectOptionsByIds, trackerOptionsByIds } from "./place-lookup";
import { sourceOptions } from "./source-lookup";
import { userOptionsByIds } from "./user-lookup";

export interface OptionsOfKind {
  users: UserOption;
  projects: ProjectOption;
  trackers: TrackerOption;
  sources: SourceOption;
}

/** The options of each field, by the field's key. */
export type SelectedOptions = Record<string, Array<OptionsOfKind[OptionKind]>>;

// never[]: each lookup takes its own field's values (ids or names), and checks them with the field's schema.
const LOOKUPS: { [Kind in OptionKind]: (values: never[]) => Promise<Array<OptionsOfKind[Kind]>> } = {
  users: userOptionsByIds,
  projects: projectOptionsByIds,
  trackers: trackerOptionsByIds,
  sources: sourceOptions,
};

/** Looks up the options of every field of `tab` for the values `filters` chooses. */
export async function loadSelectedOptions(tab: AnySearchTab, filters: TabFilters): Promise<SelectedOptions> {
  const values = filters as unknown as Record<string, never[]>;
  const found = await Promise.all(tab.fields.map((field) => LOOKUPS[field.options](values[field.key] ?? [])));
  return Object.fromEntries(tab.fields.map((field, index) => [field.key, found[index]]));
}
