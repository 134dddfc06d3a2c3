"use client";
// Retention: 30 to 365 days, checked in the form by the same zod schema the server uses, saved
// after a confirmation that says what the next run of the remover job will then delete.
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button, Group, Modal, Stack, Text, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDeviceFloppy } from "@tabler/icons-react";
import { RETENTION_MAX_DAYS, RETENTION_MIN_DAYS, retentionFormSchema, type RetentionForm as RetentionValues } from "@/lib/audit/config/config-schemas";
import type { Retention } from "@/lib/audit/config/retention-settings";
import { formatDateTime, zoneName } from "@/lib/time/zoned";
import { saveRetentionAction } from "../actions";
import { READ_ONLY_HINT } from "./read-only-hint";
import { SavedBy, WholeNumberField } from "./setting-fields";
import { ConfirmFooter } from "@/components/confirm-footer";

const LABEL = "Retention period (days)";

interface RetentionFormProps {
  retention: Retention;
  canEdit: boolean;
  nextRunAt: Date | null;
  timeZone: string;
}

export function RetentionForm({ retention, canEdit, nextRunAt, timeZone }: RetentionFormProps) {
  const form = useForm<RetentionValues>({ resolver: zodResolver(retentionFormSchema), defaultValues: { days: retention.days }, mode: "onChange" });
  const [confirmDays, setConfirmDays] = useState<number | null>(null);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const submit = form.handleSubmit(({ days }) => {
    if (days !== retention.days) setConfirmDays(days);
  });
  const close = () => {
    setConfirmDays(null);
    setError(null);
  };
  const save = () =>
    startTransition(async () => {
      const result = await saveRetentionAction({ days: confirmDays });
      if (!result.ok) {
        if (result.field) form.setError("days", { type: "server", message: result.message });
        setError(result.message);
        return;
      }
      notifications.show({ color: "green", title: "Retention saved", message: `Events are now kept for ${result.value.days} days.` });
      close();
    });

  const next = nextRunAt ? `${formatDateTime(nextRunAt, timeZone)} ${zoneName(nextRunAt, timeZone)}` : "its next run";
  const shorter = confirmDays !== null && confirmDays < retention.days;

  return (
    <form onSubmit={submit} noValidate aria-label="Retention">
      <Stack gap="sm">
        <WholeNumberField
          control={form.control}
          name="days"
          label={LABEL}
          description={`${RETENTION_MIN_DAYS} to ${RETENTION_MAX_DAYS} days. Login, Work Item and Artifact events older than this are deleted; Permission and Audit Console events are kept.`}
          min={RETENTION_MIN_DAYS}
          max={RETENTION_MAX_DAYS}
          disabled={!canEdit}
        />
        <SavedBy setting={retention} timeZone={timeZone} />
        <Tooltip label={READ_ONLY_HINT} disabled={canEdit} withArrow>
          <Group>
            <Button type="submit" variant="light" leftSection={<IconDeviceFloppy size={16} aria-hidden />} disabled={!canEdit || !form.formState.isDirty}>
              Save retention…
            </Button>
          </Group>
        </Tooltip>
      </Stack>
      <Modal
        opened={confirmDays !== null}
        onClose={close}
        title={
          <Text fw={600}>
            Change the retention from {retention.days} to {confirmDays} days?
          </Text>
        }
        size="lg"
      >
        <Stack gap="md">
          <Text size="sm">
            The remover job then deletes Login, Work Item and Artifact events older than {confirmDays} days, next at {next}.
            {shorter
              ? " Events between the two limits are deleted for good; export them first if you need them."
              : " Events it has already deleted do not come back."}
          </Text>
          <Text size="sm" c="dimmed">
            The change is recorded in the configuration history under your name.
          </Text>
          <ConfirmFooter error={error} pending={pending} onCancel={close} onConfirm={save} warn={shorter}>
            Keep events {confirmDays} days
          </ConfirmFooter>
        </Stack>
      </Modal>
    </form>
  );
}
