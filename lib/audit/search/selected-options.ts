// What a tab's form and its exports show for the ids a search holds: the chosen users, projects and
// trackers of each id field, looked up by the field's option kind (ids of deleted ones are left out).
import "server-only";
import type { ProjectOption, TrackerOption } from "../events/place-options";
import type { UserOption } from "../events/user-refs";
import type { OptionKind } from "../tabs/search-field";
import type { AnySearchTab, TabFilters } from "../tabs/search-tab";
import { projectOptionsByIds, trackerOptionsByIds } from "./place-lookup";
import { userOptionsByIds } from "./user-lookup";

export interface OptionsOfKind {
  users: UserOption;
  projects: ProjectOption;
  trackers: TrackerOption;
}

/** The chosen options of each id field, by the field's key. */
export type SelectedOptions = Record<string, Array<OptionsOfKind[OptionKind]>>;

const LOOKUPS: { [Kind in OptionKind]: (ids: number[]) => Promise<Array<OptionsOfKind[Kind]>> } = {
  users: userOptionsByIds,
  projects: projectOptionsByIds,
  trackers: trackerOptionsByIds,
};

/** Looks up the options of every id field of `tab` that `filters` chooses ids in. */
export async function loadSelectedOptions(tab: AnySearchTab, filters: TabFilters): Promise<SelectedOptions> {
  const ids = filters as unknown as Record<string, number[]>;
  const found = await Promise.all(tab.fields.map((field) => LOOKUPS[field.options](ids[field.key] ?? [])));
  return Object.fromEntries(tab.fields.map((field, index) => [field.key, found[index]]));
}
