"use client";
// A date range filter: a preset, or "Custom range" with a calendar for the first and last day. The
// days a preset covers show beneath it; a refusal (over one year, start after end) names the field.
import { Group, Select } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { DATE_PRESETS, PRESET_LABELS, rangeDays, resolveRange, type DatePreset } from "@/lib/audit/search/date-range";
import { CUSTOM_RANGE, type DateRangeValues, type RangeChoice } from "@/lib/audit/search/filter-schema";

const RANGE_OPTIONS = [...DATE_PRESETS.map((preset) => ({ value: preset, label: PRESET_LABELS[preset] })), { value: CUSTOM_RANGE, label: "Custom range" }];

interface DateRangeFieldProps {
  /** "Login range", "Created at range" */
  label: string;
  value: DateRangeValues;
  onChange: (value: DateRangeValues) => void;
  /** the refusal, without the label: "may not exceed one year" */
  error?: string;
  /** the admin's zone, in which presets are days */
  timeZone: string;
}

function presetDays(preset: DatePreset, timeZone: string) {
  return rangeDays(resolveRange({ preset }, timeZone), timeZone);
}

export function DateRangeField({ label, value, onChange, error, timeZone }: DateRangeFieldProps) {
  const custom = value.range === CUSTOM_RANGE;
  const days = custom ? null : presetDays(value.range as DatePreset, timeZone);
  const message = error ? `${label}: ${error}` : undefined;

  const choose = (next: string | null) => {
    if (!next || next === value.range) return;
    if (next !== CUSTOM_RANGE) {
      onChange({ range: next as RangeChoice, from: null, to: null });
      return;
    }
    // Start the custom range from the days the preset covered.
    onChange({ range: CUSTOM_RANGE, from: days?.from ?? null, to: days?.to ?? null });
  };

  return (
    <Group align="flex-start" gap="sm" wrap="nowrap">
      <Select
        label={label}
        description={days ? `${days.from} to ${days.to}` : "At most one year"}
        data={RANGE_OPTIONS}
        value={value.range}
        onChange={choose}
        allowDeselect={false}
        inputWrapperOrder={["label", "input", "description", "error"]}
        error={custom ? Boolean(message) : message}
        w={190}
        comboboxProps={{ withinPortal: true }}
      />
      {custom && (
        <DatePickerInput
          type="range"
          label="First and last day"
          description="Both days included"
          placeholder="Pick the first and last day"
          value={[value.from, value.to]}
          onChange={([from, to]) => onChange({ range: CUSTOM_RANGE, from, to })}
          valueFormat="YYYY-MM-DD"
          allowSingleDateInRange
          inputWrapperOrder={["label", "input", "description", "error"]}
          error={message}
          w={250}
          popoverProps={{ withinPortal: true }}
        />
      )}
    </Group>
  );
}
