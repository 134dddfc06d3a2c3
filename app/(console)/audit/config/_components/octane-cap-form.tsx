"use client";
// The most records one query of the ALM Octane audits API reaches: 1 to 10,000, checked in the form by
// the same zod schema the server uses. Lowering it loses nothing (clients narrow or page by cursor),
// so it saves without a confirmation.
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button, Group, Stack, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDeviceFloppy } from "@tabler/icons-react";
import { OCTANE_MAX_RECORDS_LIMIT, octaneCapFormSchema, type OctaneCapForm as OctaneCapValues } from "@/lib/audit/config/config-schemas";
import type { OctaneCap } from "@/lib/audit/config/octane-cap";
import { formatCount } from "@/lib/audit/search/list-result";
import { saveOctaneCapAction } from "../actions";
import { READ_ONLY_HINT } from "./read-only-hint";
import { SavedBy, WholeNumberField } from "./setting-fields";

interface OctaneCapFormProps {
  cap: OctaneCap;
  canEdit: boolean;
  timeZone: string;
}

export function OctaneCapForm({ cap, canEdit, timeZone }: OctaneCapFormProps) {
  const form = useForm<OctaneCapValues>({ resolver: zodResolver(octaneCapFormSchema), defaultValues: { maxRecords: cap.maxRecords }, mode: "onChange" });
  const [pending, startTransition] = useTransition();

  const submit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await saveOctaneCapAction(values);
      if (!result.ok) {
        form.setError("maxRecords", { type: "server", message: result.message });
        return;
      }
      notifications.show({
        color: "green",
        title: "Cap saved",
        message: `A query of the ALM Octane API now reaches ${formatCount(result.value.maxRecords)} records.`,
      });
    }),
  );

  return (
    <form onSubmit={submit} noValidate aria-label="ALM Octane API records cap">
      <Stack gap="sm">
        <WholeNumberField
          control={form.control}
          name="maxRecords"
          label="Records per query"
          description={`1 to ${formatCount(OCTANE_MAX_RECORDS_LIMIT)}. Beyond it a query answers total_count at the cap with exceeds_total_count; the client narrows the query or pages by cursor.`}
          min={1}
          max={OCTANE_MAX_RECORDS_LIMIT}
          thousandSeparator=","
          disabled={!canEdit}
        />
        <SavedBy setting={cap} timeZone={timeZone} />
        <Tooltip label={READ_ONLY_HINT} disabled={canEdit} withArrow>
          <Group>
            <Button
              type="submit"
              variant="light"
              leftSection={<IconDeviceFloppy size={16} aria-hidden />}
              loading={pending}
              disabled={!canEdit || !form.formState.isDirty}
            >
              Save cap
            </Button>
          </Group>
        </Tooltip>
      </Stack>
    </form>
  );
}
