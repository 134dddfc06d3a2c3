"use client";
// A date range filter: a preset, or "Custom range" with the first and the last day, each typed
// (YYYY-MM-DD) or picked in a calendar. The days a preset covers show beneath it; a refusal (over
// one year, start after end, a mistyped day) names the field, as soon as it is known.
import { useState } from "react";
import { Group, Select } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { DATE_PRESETS, parseDay, PRESET_LABELS, rangeDays, rangeError, resolveRange, type DatePreset } from "@/lib/audit/search/date-range";
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
  // The one-year rule is checked as the admin types, before the server says it again.
  const refusal = error ?? (custom && value.from && value.to ? rangeError(value.from, value.to) : null);
  const message = refusal ? `${label}: ${refusal}` : undefined;

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
    <Group align="flex-start" gap="sm" wrap="wrap">
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
      {custom && <CustomDays value={value} onChange={onChange} message={message} />}
    </Group>
  );
}

/** The first and the last day of a custom range, typed as YYYY-MM-DD or picked in a calendar. */
function CustomDays({ value, onChange, message }: { value: DateRangeValues; onChange: (value: DateRangeValues) => void; message?: string }) {
  const [typing, setTyping] = useState<Record<"from" | "to", string | null>>({ from: null, to: null });
  const day = (end: "from" | "to", fieldLabel: string, error: string | boolean | undefined) => (
    <DateInput
      label={fieldLabel}
      description="YYYY-MM-DD, both days included"
      placeholder="YYYY-MM-DD"
      value={value[end]}
      onChange={(next) => {
        setTyping((current) => ({ ...current, [end]: null }));
        onChange({ ...value, [end]: next });
      }}
      dateParser={(text) => (parseDay(text.trim()) ? text.trim() : null)}
      valueFormat="YYYY-MM-DD"
      // What was typed stays, so a mistyped day is said and can be corrected, not silently undone.
      fixOnBlur={false}
      onBlur={(event) => {
        const text = event.currentTarget.value.trim();
        const refused = text !== "" && !parseDay(text) ? `${fieldLabel}: "${text}" is not a date; type it as YYYY-MM-DD` : null;
        setTyping((current) => ({ ...current, [end]: refused }));
        // A day that was typed wrong is no day: the search must not go on with the one before it.
        if (refused && value[end] !== null) onChange({ ...value, [end]: null });
      }}
      inputWrapperOrder={["label", "input", "description", "error"]}
      error={typing[end] ?? error}
      w={170}
      popoverProps={{ withinPortal: true }}
    />
  );
  return (
    <Group align="flex-start" gap="sm" wrap="wrap">
      {day("from", "First day", Boolean(message))}
      {day("to", "Last day", message)}
    </Group>
  );
}
