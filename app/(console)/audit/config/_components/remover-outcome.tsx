"use client";
// What the remover would delete (Preview) and what a run did (Run now), in words.
import { Alert, Text } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconClockPause, IconInfoCircle } from "@tabler/icons-react";
import { DateTimeText } from "@/components/data-table/data-table-cells";
import { CATEGORY_LABELS } from "@/lib/audit/events/event-types";
import { formatCount, formatTotalOf } from "@/lib/audit/search/list-result";
import { PURGED_CATEGORIES, type PurgeCounts, type PurgePreview, type PurgeResult } from "@/lib/audit/retention/purge-shapes";

/** "Login 1,200 · Work Item 3,400 · Artifact 56" */
export function countsText(counts: PurgeCounts): string {
  return PURGED_CATEGORIES.map((category) => `${CATEGORY_LABELS[category]} ${formatCount(counts[category])}`).join(" · ");
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

export function PurgePreviewText({ preview, timeZone }: { preview: PurgePreview; timeZone: string }) {
  if (preview.total === 0) {
    return (
      <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} aria-hidden />} role="status" title="Nothing to delete">
        No Login, Work Item or Artifact event is older than {preview.retentionDays} days (before <DateTimeText value={preview.cutoff} timeZone={timeZone} />
        ).
      </Alert>
    );
  }
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconInfoCircle size={18} aria-hidden />}
      role="status"
      title={`Would delete ${formatTotalOf(preview.total, false, "event")}`}
    >
      <Text size="sm">
        Older than {preview.retentionDays} days (before <DateTimeText value={preview.cutoff} timeZone={timeZone} />)
        {preview.oldest && (
          <>
            ; the oldest is from <DateTimeText value={preview.oldest} timeZone={timeZone} />
          </>
        )}
        .
      </Text>
      <Text size="sm" c="dimmed">
        {countsText(preview.byCategory)}
      </Text>
    </Alert>
  );
}

export function PurgeOutcome({ result }: { result: PurgeResult }) {
  if (result.status === "already-running") {
    return (
      <Alert color="yellow" variant="light" icon={<IconClockPause size={18} aria-hidden />} role="status" title="Already running">
        The remover job is running right now (here or on another server). Try again when it has finished.
      </Alert>
    );
  }
  if (result.status === "skipped") {
    return (
      <Alert color="gray" variant="light" role="status" title="Skipped">
        {result.reason}
      </Alert>
    );
  }
  if (result.status === "failed") {
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert" title="The run failed">
        It deleted {formatTotalOf(result.total, false, "event")} ({countsText(result.deleted)}) before it stopped: {result.error}
      </Alert>
    );
  }
  return (
    <Alert
      color="green"
      variant="light"
      icon={<IconCircleCheck size={18} aria-hidden />}
      role="status"
      title={`Deleted ${formatTotalOf(result.total, false, "event")}`}
    >
      <Text size="sm">
        Older than {result.retentionDays} days, in {formatDuration(result.durationMs)}: {countsText(result.deleted)}.
      </Text>
    </Alert>
  );
}
