"use client";
// A search tab's filter form, from the tab's declaration: its list fields in order (a user picker
// per users field; Projects and Trackers as the pair in which the chosen projects narrow the
// trackers: a tab has Trackers only with Projects; a source picker for Sources), then Event Types
// and the range. A tab with a new field gets it here without a line of its own.
import type { Control, UseFormSetValue } from "react-hook-form";
import type { ProjectOption, TrackerOption } from "@/lib/audit/events/place-options";
import type { SelectedOptions } from "@/lib/audit/search/selected-options";
import { getListTab, type ListTabId } from "@/lib/audit/tabs/list-tabs";
import type { TabFilters } from "@/lib/audit/tabs/search-tab";
import { tabUrlParsers } from "@/lib/audit/tabs/tab-url";
import { DateRangeField } from "./date-range-field";
import { EventTypesField, ListField, PlaceFields } from "./filter-fields";
import { FilterPanel } from "./filter-panel";
import { useFilterForm, type AuditFilterValues } from "./use-filter-form";

/** The form's values as the pickers bind them; a tab without projects never renders PlaceFields. */
type PlaceValues = AuditFilterValues & { projects: number[]; trackers: number[] };

interface TabFilterFormProps {
  /** a search tab, or an entity's timeline */
  tab: ListTabId;
  /** the filters the URL holds now */
  values: TabFilters;
  /** the options the URL's values name (every choice, for Sources), by field */
  selected: SelectedOptions;
  /** refusals the server found in the URL, by field, without the label */
  errors: Record<string, string>;
  timeZone: string;
}

export function TabFilterForm({ tab: id, values, selected, errors, timeZone }: TabFilterFormProps) {
  const tab = getListTab(id);
  const { form, submit, reset, pending, rangeField } = useFilterForm({
    schema: tab.filtersSchema as never,
    values: values as AuditFilterValues,
    defaults: tab.defaultFilters as AuditFilterValues,
    errors,
    parsers: tabUrlParsers(tab),
  });
  const control = form.control as unknown as Control<PlaceValues>;
  return (
    <FilterPanel label={tab.texts.form} onSubmit={submit} onReset={reset} pending={pending}>
      {tab.fields.map((field) => {
        if (field.options === "users" || field.options === "sources") {
          return (
            <ListField
              key={field.key}
              control={control}
              name={field.key as never}
              label={field.label}
              kind={field.options}
              options={(selected[field.key] ?? []) as never[]}
            />
          );
        }
        // Projects and Trackers come as a pair (rendered for Projects): the chosen projects narrow the trackers.
        if (field.options === "trackers") return null;
        return (
          <PlaceFields
            key={field.key}
            control={control}
            setValue={form.setValue as unknown as UseFormSetValue<PlaceValues>}
            labels={{ projects: tab.labels.projects, trackers: tab.labels.trackers }}
            initialProjects={(selected.projects ?? []) as ProjectOption[]}
            initialTrackers={(selected.trackers ?? []) as TrackerOption[]}
          />
        );
      })}
      <EventTypesField control={control} name="types" label={tab.labels.types} types={tab.eventTypes} />
      <DateRangeField label={tab.labels.range} timeZone={timeZone} {...rangeField} />
    </FilterPanel>
  );
}
