"use client";
// The Logins filter form: Users, Event Types, Login range.
import { Controller } from "react-hook-form";
import { DateRangeField } from "@/components/filters/date-range-field";
import { EventTypeMultiSelect } from "@/components/filters/event-type-multi-select";
import { FilterPanel } from "@/components/filters/filter-panel";
import { useFilterForm } from "@/components/filters/use-filter-form";
import { UserMultiSelect } from "@/components/filters/user-multi-select";
import { DEFAULT_LOGIN_FILTERS, LOGIN_EVENT_TYPES, LOGIN_FIELD_LABELS, loginFiltersSchema, type LoginFilters } from "@/lib/audit/logins-filters";
import { loginSearchParsers } from "@/lib/audit/search-params";
import type { UserOption } from "@/lib/audit/user-refs";

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
      <Controller
        control={form.control}
        name="users"
        render={({ field, fieldState }) => (
          <UserMultiSelect
            label={LOGIN_FIELD_LABELS.users}
            value={field.value}
            onChange={field.onChange}
            initialOptions={selectedUsers}
            error={fieldState.error?.message}
          />
        )}
      />
      <Controller
        control={form.control}
        name="types"
        render={({ field, fieldState }) => (
          <EventTypeMultiSelect
            label={LOGIN_FIELD_LABELS.types}
            types={LOGIN_EVENT_TYPES}
            value={field.value}
            onChange={field.onChange}
            error={fieldState.error?.message}
          />
        )}
      />
      <DateRangeField label={LOGIN_FIELD_LABELS.range} timeZone={timeZone} {...rangeField} />
    </FilterPanel>
  );
}
