"use client";
// The Logins filter form: Users, Event Types, Login range.
import { DateRangeField } from "@/components/filters/date-range-field";
import { EventTypesField, UsersField } from "@/components/filters/filter-fields";
import { FilterPanel } from "@/components/filters/filter-panel";
import { useFilterForm } from "@/components/filters/use-filter-form";
import { DEFAULT_LOGIN_FILTERS, LOGIN_EVENT_TYPES, LOGIN_FIELD_LABELS as LABELS, loginFiltersSchema, type LoginFilters } from "@/lib/audit/logins-filters";
import { loginSearchParsers } from "@/lib/audit/search-params";
import type { UserOption } from "@/lib/audit/events/user-refs";

interface LoginsFiltersProps {
  values: LoginFilters;
  selectedUsers: UserOption[];
  errors: Record<string, string>;
  timeZone: string;
}

export function LoginsFilters({ values, selectedUsers, errors, timeZone }: LoginsFiltersProps) {
  const { form, submit, reset, pending, rangeField } = useFilterForm({
    schema: loginFiltersSchema,
    values,
    defaults: DEFAULT_LOGIN_FILTERS,
    errors,
    parsers: loginSearchParsers,
  });
  return (
    <FilterPanel label="Filter login events" onSubmit={submit} onReset={reset} pending={pending}>
      <UsersField control={form.control} name="users" label={LABELS.users} initialOptions={selectedUsers} />
      <EventTypesField control={form.control} name="types" label={LABELS.types} types={LOGIN_EVENT_TYPES} />
      <DateRangeField label={LABELS.range} timeZone={timeZone} {...rangeField} />
    </FilterPanel>
  );
}
