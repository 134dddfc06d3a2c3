"use client";
// The Permissions filter form: Users, Target Users, Projects, Trackers (narrowed to the projects),
// Event Types, Created at range.
import { DateRangeField } from "@/components/filters/date-range-field";
import { EventTypesField, PlaceFields, UsersField } from "@/components/filters/filter-fields";
import { FilterPanel } from "@/components/filters/filter-panel";
import { useFilterForm } from "@/components/filters/use-filter-form";
import {
  DEFAULT_PERMISSION_FILTERS,
  PERMISSION_EVENT_TYPES,
  PERMISSION_FIELD_LABELS as LABELS,
  permissionFiltersSchema,
  type PermissionFilters,
} from "@/lib/audit/permissions-filters";
import { permissionSearchParsers } from "@/lib/audit/search-params";
import type { SelectedOptions } from "@/lib/audit/selected-options";

interface PermissionsFiltersProps {
  values: PermissionFilters;
  selected: SelectedOptions;
  errors: Record<string, string>;
  timeZone: string;
}

export function PermissionsFilters({ values, selected, errors, timeZone }: PermissionsFiltersProps) {
  const { form, submit, reset, pending, rangeField } = useFilterForm({
    schema: permissionFiltersSchema,
    values,
    defaults: DEFAULT_PERMISSION_FILTERS,
    errors,
    parsers: permissionSearchParsers,
  });
  return (
    <FilterPanel label="Filter permission events" onSubmit={submit} onReset={reset} pending={pending}>
      <UsersField control={form.control} name="users" label={LABELS.users} initialOptions={selected.users} />
      <UsersField control={form.control} name="targetUsers" label={LABELS.targetUsers} initialOptions={selected.targetUsers} />
      <PlaceFields control={form.control} setValue={form.setValue} labels={LABELS} initialProjects={selected.projects} initialTrackers={selected.trackers} />
      <EventTypesField control={form.control} name="types" label={LABELS.types} types={PERMISSION_EVENT_TYPES} />
      <DateRangeField label={LABELS.range} timeZone={timeZone} {...rangeField} />
    </FilterPanel>
  );
}
