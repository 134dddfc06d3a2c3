"use client";
// What the Config tab's number settings (retention, the ALM Octane API's records cap) share: a whole
// number input bound to the form, its message led by the field's label whether the form or the
// server said it, and who saved the value in force.
import { type Control, Controller, type FieldValues, type Path } from "react-hook-form";
import { NumberInput, Text } from "@mantine/core";
import { formatDateTime, zoneName } from "@/lib/time/zoned";

/** "Retention period (days) must be at least 30 days", whether the form or the server said it. */
function labelled(label: string, message: string | undefined): string | undefined {
  if (!message) return undefined;
  return message.startsWith(label) ? message.replace(`${label}: `, `${label} `) : `${label} ${message}`;
}

interface WholeNumberFieldProps<Values extends FieldValues> {
  control: Control<Values>;
  name: Path<Values>;
  label: string;
  description: string;
  min: number;
  max: number;
  disabled: boolean;
  thousandSeparator?: string;
}

export function WholeNumberField<Values extends FieldValues>({
  control,
  name,
  label,
  description,
  min,
  max,
  disabled,
  thousandSeparator,
}: WholeNumberFieldProps<Values>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberInput
          label={label}
          description={description}
          value={Number.isFinite(field.value) ? field.value : ""}
          onChange={(value) => field.onChange(value === "" ? undefined : Number(value))}
          onBlur={field.onBlur}
          name={field.name}
          min={min}
          max={max}
          clampBehavior="none"
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator={thousandSeparator}
          error={labelled(label, fieldState.error?.message)}
          disabled={disabled}
          maw={420}
          required
        />
      )}
    />
  );
}

interface SavedSetting {
  source: "database" | "default";
  updatedBy: string | null;
  updatedAt: Date | null;
}

export function SavedBy({ setting, timeZone }: { setting: SavedSetting; timeZone: string }) {
  const { updatedAt } = setting;
  return (
    <Text size="xs" c="dimmed">
      {setting.source === "database"
        ? `Saved by ${setting.updatedBy ?? "unknown"}${updatedAt ? ` on ${formatDateTime(updatedAt, timeZone)} ${zoneName(updatedAt, timeZone)}` : ""}.`
        : "The default of config/audit-defaults.json; nobody has changed it here."}
    </Text>
  );
}
