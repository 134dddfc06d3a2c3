"use client";
// Sources: the Audit Console's own events and every sending system, all known with the page (a
// handful), searched as the admin types. A name from the URL that no source has stays shown as chosen.
import { MultiSelect } from "@mantine/core";
import type { SourceOption } from "@/lib/audit/events/sources";

interface SourceMultiSelectProps {
  label: string;
  options: SourceOption[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
  width?: number;
}

export function SourceMultiSelect({ label, options, value, onChange, error, width = 220 }: SourceMultiSelectProps) {
  return (
    <MultiSelect
      label={label}
      placeholder={value.length === 0 ? "All sources" : undefined}
      data={options}
      value={value}
      onChange={onChange}
      error={error && `${label}: ${error}`}
      nothingFoundMessage="No such source"
      clearable
      searchable
      hidePickedOptions={false}
      w={width}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
