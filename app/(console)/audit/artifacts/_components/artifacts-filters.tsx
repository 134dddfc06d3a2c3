"use client";
// The Artifacts filter form: Users, Projects, Trackers (narrowed to the projects), Event Types, Created at range.
import { DateRangeField } from "@/components/filters/date-range-field";
import { EventTypesField, PlaceFields, UsersField } from "@/components/filters/filter-fields";
import { FilterPanel } from "@/components/filters/filter-panel";
import { useFilterForm } from "@/components/filters/use-filter-form";
import { ARTIFACT_EVENT_TYPES, ARTIFACT_FIELD_LABELS as LABELS, artifactFiltersSchema, DEFAULT_ARTIFACT_FILTERS, type ArtifactFilters } from "@/lib/audit/artifacts-filters";
import type { ProjectOption, TrackerOption } from "@/lib/audit/events/place-options";
import { artifactSearchParsers } from "@/lib/audit/search-params";
import type { UserOption } from "@/lib/audit/events/user-refs";

interface ArtifactsFiltersProps {
  values: ArtifactFilters;
  selected: { users: UserOption[]; projects: ProjectOption[]; trackers: TrackerOption[] };
  errors: Record<string, string>;
  timeZone: string;
}

export function ArtifactsFilters({ values, selected, errors, timeZone }: ArtifactsFiltersProps) {
  const { form, submit, reset, pending, rangeField } = useFilterForm({
    schema: artifactFiltersSchema,
    values,
    defaults: DEFAULT_ARTIFACT_FILTERS,
    errors,
    parsers: artifactSearchParsers,
  });
  return (
    <FilterPanel label="Filter work item and artifact events" onSubmit={submit} onReset={reset} pending={pending}>
      <UsersField control={form.control} name="users" label={LABELS.users} initialOptions={selected.users} />
      <PlaceFields control={form.control} setValue={form.setValue} labels={LABELS} initialProjects={selected.projects} initialTrackers={selected.trackers} />
      <EventTypesField control={form.control} name="types" label={LABELS.types} types={ARTIFACT_EVENT_TYPES} />
      <DateRangeField label={LABELS.range} timeZone={timeZone} {...rangeField} />
    </FilterPanel>
  );
}
