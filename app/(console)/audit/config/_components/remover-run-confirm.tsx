"use client";
// The last question before Run now deletes events for good.
import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { DateTimeText } from "@/components/data-table/data-table-cells";
import { formatTotalOf } from "@/lib/audit/search/list-result";
import type { PurgePreview } from "@/lib/audit/retention/purge-shapes";
import { countsText } from "./remover-outcome";

interface RunNowConfirmProps {
  opened: boolean;
  onClose: () => void;
  onConfirm: () => void;
  running: boolean;
  preview: PurgePreview;
  timeZone: string;
}

export function RunNowConfirm({ opened, onClose, onConfirm, running, preview, timeZone }: RunNowConfirmProps) {
  return (
    <Modal opened={opened} onClose={onClose} closeOnClickOutside={!running} title={<Text fw={600}>Run the remover job now?</Text>} size="lg">
      <Stack gap="md">
        <Text size="sm">
          It deletes for good the Login, Work Item and Artifact events older than {preview.retentionDays} days, before{" "}
          <DateTimeText value={preview.cutoff} timeZone={timeZone} />:{" "}
          {preview.total === 0 ? "none right now" : `about ${formatTotalOf(preview.total, false, "event")}`}
          {preview.total > 0 && ` (${countsText(preview.byCategory)})`}. Permission and Audit Console events are kept.
        </Text>
        <Text size="sm" c="dimmed">
          Export what you need to keep first. The run is recorded as an Audit Purge event under your name.
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={running}>
            Cancel
          </Button>
          <Button color="red" onClick={onConfirm} loading={running}>
            Delete old events
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
