"use client";
// The confirmation before event type switches are saved: exactly which types go off and on, and
// what switching off means. Saving goes through the same function as the API.
import { useState, useTransition } from "react";
import { Alert, List, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { CoverageEntry } from "@/lib/audit/config/coverage";
import { saveCoverageAction } from "../actions";
import type { Switches } from "./coverage-form";
import { ConfirmFooter } from "@/components/confirm-footer";

interface CoverageConfirmProps {
  opened: boolean;
  onClose: () => void;
  /** the entries whose switch differs from what is saved */
  changed: CoverageEntry[];
  values: Switches;
}

function TypeList({ entries }: { entries: CoverageEntry[] }) {
  return (
    <List size="sm" spacing={2}>
      {entries.map((entry) => (
        <List.Item key={entry.eventType}>
          <Text span size="sm" fw={500}>
            {entry.label}
          </Text>{" "}
          <Text span size="sm" c="dimmed">
            ({entry.categoryLabel})
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

export function CoverageConfirm({ opened, onClose, changed, values }: CoverageConfirmProps) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const off = changed.filter((entry) => !values[entry.eventType]);
  const on = changed.filter((entry) => values[entry.eventType]);

  const close = () => {
    setError(null);
    onClose();
  };
  const save = () =>
    startTransition(async () => {
      const eventTypes = Object.fromEntries(changed.map((entry) => [entry.eventType, Boolean(values[entry.eventType])]));
      const result = await saveCoverageAction({ eventTypes });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      notifications.show({
        color: "green",
        title: "Audited event types saved",
        message: `${result.value.changed} ${result.value.changed === 1 ? "change" : "changes"} saved and recorded in the history.`,
      });
      close();
    });

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>Save changes to audited event types?</Text>} size="lg" closeOnClickOutside={!pending}>
      <Stack gap="md">
        {off.length > 0 && (
          <div>
            <Text fw={600} size="sm" mb={4}>
              Switch off ({off.length})
            </Text>
            <TypeList entries={off} />
          </div>
        )}
        {on.length > 0 && (
          <div>
            <Text fw={600} size="sm" mb={4}>
              Switch on ({on.length})
            </Text>
            <TypeList entries={on} />
          </div>
        )}
        {off.length > 0 && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
            From now on, events of the types switched off are not stored. They are only counted as dropped: the events themselves cannot be recovered later.
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          The change takes effect at once in every server and is recorded in the configuration history under your name.
        </Text>
        <ConfirmFooter error={error} pending={pending} onCancel={close} onConfirm={save} warn={off.length > 0}>
          Save {changed.length} {changed.length === 1 ? "change" : "changes"}
        </ConfirmFooter>
      </Stack>
    </Modal>
  );
}
