"use client";
// The remover's last run as its Audit Purge event recorded it: when, by whom, what, how it ended.
import { Badge, Group, Stack, Text } from "@mantine/core";
import { DateTimeText } from "@/components/data-table/data-table-cells";
import { formatTotalOf } from "@/lib/audit/search/list-result";
import type { LastPurgeRun } from "@/lib/audit/retention/remover-status";
import { countsText, formatDuration } from "./remover-outcome";

export function LastRun({ run, timeZone }: { run: LastPurgeRun | null; timeZone: string }) {
  if (!run) {
    return (
      <Text size="sm">
        <Text span fw={600}>
          Last run:
        </Text>{" "}
        <Text span c="dimmed">
          none yet
        </Text>
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          Last run:
        </Text>
        <DateTimeText value={run.finishedAt} timeZone={timeZone} />
        <Badge color={run.outcome === "completed" ? "green" : "red"} variant="light">
          {run.outcome === "completed" ? "Completed" : "Failed"}
        </Badge>
      </Group>
      <Text size="sm">
        Deleted {formatTotalOf(run.total, false, "event")}
        {run.retentionDays !== null && ` older than ${run.retentionDays} days`}
        {run.durationMs !== null && ` in ${formatDuration(run.durationMs)}`}
        {run.trigger === "schedule" ? ", on schedule" : `, started by ${run.startedBy}`}.
      </Text>
      <Text size="xs" c="dimmed">
        {countsText(run.deleted)}
      </Text>
      {run.error && (
        <Text size="sm" c="red.8">
          {run.error}
        </Text>
      )}
    </Stack>
  );
}
