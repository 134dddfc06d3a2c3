"use client";
// Event Types: the tab's types, grouped by category when the tab has more than one.
import { MultiSelect } from "@mantine/core";
import { CATEGORY_LABELS, categoryOf, eventTypeLabel } from "@/lib/audit/events/event-types";
import type { AuditEventType } from "@/lib/generated/prisma/enums";

interface EventTypeMultiSelectProps<Type extends AuditEventType> {
  label?: string;
  types: readonly Type[];
  value: Type[];
  onChange: (value: Type[]) => void;
  error?: string;
  width?: number;
}

function optionsOf(types: readonly AuditEventType[]) {
  const categories = [...new Set(types.map(categoryOf))];
  const option = (type: AuditEventType) => ({ value: type, label: eventTypeLabel(type) });
  if (categories.length === 1) return types.map(option);
  return categories.map((category) => ({
    group: CATEGORY_LABELS[category],
    items: types.filter((type) => categoryOf(type) === category).map(option),
  }));
}

export function EventTypeMultiSelect<Type extends AuditEventType>({
  label = "Event Types",
  types,
  value,
  onChange,
  error,
  width = 300,
}: EventTypeMultiSelectProps<Type>) {
  return (
    <MultiSelect
      label={label}
      placeholder={value.length === 0 ? "All event types" : undefined}
      data={optionsOf(types)}
      value={value}
      onChange={(next) => onChange(next as Type[])}
      error={error && `${label}: ${error}`}
      clearable
      searchable
      hidePickedOptions={false}
      w={width}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
