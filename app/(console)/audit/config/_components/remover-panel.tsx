"use client";
// The remover job: when it runs, how its last run went, and Preview then Run now. Anyone who may
// read the tab may preview; only an Administrator may run it.
import { useState, useTransition } from "react";
import { Alert, Badge, Button, Group, Stack, Text, Tooltip } from "@mantine/core";
import { IconEye, IconPlayerPlay } from "@tabler/icons-react";
import type { PurgePreview, PurgeResult } from "@/lib/audit/retention/purge-shapes";
import type { RemoverStatus } from "@/lib/audit/retention/remover-status";
import { describeSchedule } from "@/lib/audit/retention/schedule-text";
import { previewPurgeAction, runPurgeAction } from "../actions";
import { READ_ONLY_HINT } from "./read-only-hint";
import { LastRun } from "./remover-last-run";
import { PurgeOutcome, PurgePreviewText } from "./remover-outcome";
import { RunNowConfirm } from "./remover-run-confirm";
import { DateTimeText } from "@/components/data-table/data-table-cells";

interface RemoverPanelProps {
  status: RemoverStatus;
  retentionDays: number;
  canRun: boolean;
  timeZone: string;
}

export function RemoverPanel({ status, retentionDays, canRun, timeZone }: RemoverPanelProps) {
  const [preview, setPreview] = useState<PurgePreview | null>(null);
  const [result, setResult] = useState<PurgeResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [previewing, startPreview] = useTransition();
  const [running, startRun] = useTransition();

  const loadPreview = () =>
    startPreview(async () => {
      setError(null);
      setResult(null);
      const answer = await previewPurgeAction();
      if (answer.ok) setPreview(answer.value);
      else setError(answer.message);
    });
  const runNow = () =>
    startRun(async () => {
      setError(null);
      const answer = await runPurgeAction();
      setConfirming(false);
      setPreview(null);
      if (answer.ok) setResult(answer.value);
      else setError(answer.message);
    });

  return (
    <Stack gap="sm">
      <Text size="sm">
        <Text span fw={600}>
          Deletes:
        </Text>{" "}
        Login, Work Item and Artifact events older than {retentionDays} days
      </Text>
      <Group gap="xs" wrap="wrap">
        <Text size="sm">
          <Text span fw={600}>
            Schedule:
          </Text>{" "}
          {describeSchedule(status.schedule)}, server time ({status.timeZone})
        </Text>
        {status.running && (
          <Badge color="blue" variant="light">
            Running now{status.running.startedBy ? ` (started by ${status.running.startedBy})` : ""}
          </Badge>
        )}
      </Group>
      <Text size="sm">
        <Text span fw={600}>
          Next run:
        </Text>{" "}
        {status.nextRunAt ? <DateTimeText value={status.nextRunAt} timeZone={timeZone} /> : "not scheduled"}
      </Text>
      <LastRun run={status.lastRun} timeZone={timeZone} />
      <Group gap="sm">
        <Button variant="default" leftSection={<IconEye size={16} aria-hidden />} onClick={loadPreview} loading={previewing} disabled={running}>
          Preview
        </Button>
        <Tooltip label={canRun ? "Preview first, to see what the run deletes" : READ_ONLY_HINT} disabled={canRun && preview !== null} withArrow>
          <span>
            <Button
              color="red"
              leftSection={<IconPlayerPlay size={16} aria-hidden />}
              onClick={() => setConfirming(true)}
              disabled={!canRun || preview === null}
              loading={running}
            >
              Run now…
            </Button>
          </span>
        </Tooltip>
      </Group>
      {preview && <PurgePreviewText preview={preview} timeZone={timeZone} />}
      {result && <PurgeOutcome result={result} />}
      {error && (
        <Alert color="red" variant="light" role="alert" title="The remover job could not be started">
          {error}
        </Alert>
      )}
      {preview && (
        <RunNowConfirm opened={confirming} onClose={() => setConfirming(false)} onConfirm={runNow} running={running} preview={preview} timeZone={timeZone} />
      )}
    </Stack>
  );
}
