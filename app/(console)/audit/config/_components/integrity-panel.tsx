"use client";
// Tamper evidence: the key that checks the log's signed checkpoints (to copy into a verifier), the
// newest checkpoint, the last verification, and "Verify now" (administrators), which runs in the
// background while the panel shows how far it is.
import { useEffect, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Alert, Badge, Button, Code, Group, Progress, Stack, Text } from "@mantine/core";
import { IconShieldCheck } from "@tabler/icons-react";
import { CopyIconButton } from "@/components/copy-icon-button";
import { DateTimeText } from "@/components/data-table/data-table-cells";
import type { IntegrityStatus, LastIntegrityCheck, RunningIntegrityCheck } from "@/lib/audit/integrity/integrity-check";
import { INTEGRITY_SECTION_ID, VERIFY_PROBLEM_KINDS } from "@/lib/audit/integrity/verify-problems";
import { describeSchedule } from "@/lib/audit/retention/schedule-text";
import { formatDateTime } from "@/lib/time/zoned";
import { integrityProgressAction, verifyNowAction } from "../actions";
import { READ_ONLY_HINT } from "./read-only-hint";
import { formatDuration } from "./remover-outcome";

const POLL_MS = 1000;
const number = (n: number) => n.toLocaleString("en-US");

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Text size="sm" component="div">
      <Text span fw={600}>
        {label}:
      </Text>{" "}
      {children}
    </Text>
  );
}

function LastCheck({ check, timeZone }: { check: LastIntegrityCheck | null; timeZone: string }) {
  if (!check) {
    return (
      <Field label="Last verification">
        <Text span c="dimmed" size="sm">
          none yet
        </Text>
      </Field>
    );
  }
  const passed = check.outcome === "passed";
  const problem = check.problems[0];
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          Last verification:
        </Text>
        <DateTimeText value={check.finishedAt} timeZone={timeZone} />
        <Badge color={passed ? "green" : "red"} variant="light">
          {passed ? "Passed" : check.outcome === "failed" ? "Failed" : "Could not run"}
        </Badge>
      </Group>
      <Text size="sm">
        {number(check.eventsChecked)} events checked, {number(check.purged)} purged by retention, {number(check.checkpointsChecked)} checkpoints
        {check.durationMs > 0 && ` in ${formatDuration(check.durationMs)} (${number(check.eventsPerSecond)} events/s)`}
        {check.trigger === "schedule" ? ", on schedule" : `, started by ${check.startedBy}`}.
      </Text>
      {problem && (
        <Text size="sm" c="red.8">
          {VERIFY_PROBLEM_KINDS[problem.kind]}: {problem.message}
          {check.problemCount > 1 && ` (${number(check.problemCount)} problems in all)`}
        </Text>
      )}
      {check.error && (
        <Text size="sm" c="red.8">
          {check.error}
        </Text>
      )}
    </Stack>
  );
}

/** Who started the verification going on, and when: "started by ada at 28 Nov 2026, 14:02:11". */
function describeRunning(running: RunningIntegrityCheck, timeZone: string): string {
  const by = running.trigger === "schedule" ? "on schedule" : `by ${running.startedBy}`;
  return running.startedAt ? `started ${by} at ${formatDateTime(running.startedAt, timeZone)}` : `started ${by}`;
}

function Running({ running, timeZone }: { running: RunningIntegrityCheck; timeZone: string }) {
  const progress = running.progress;
  const percent = progress && progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : 0;
  const started = describeRunning(running, timeZone);
  const text = !progress
    ? `Verifying (${started}, in another server process)`
    : progress.waitingForRemover
      ? `Verification ${started}: waiting for the remover job, which is removing expired events; it starts once they are removed and recorded`
      : progress.total === 0
        ? `Verifying (${started}): reading the log`
        : `Verifying (${started}): ${number(progress.done)} of ${number(progress.total)} events`;
  const counting = progress !== null && !progress.waitingForRemover && progress.total > 0;
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Text size="sm">{text}</Text>
      <Progress value={counting ? percent : 100} aria-label="Verification progress" animated striped={!counting} />
    </Stack>
  );
}

export function IntegrityPanel({ status, canRun, timeZone }: { status: IntegrityStatus; canRun: boolean; timeZone: string }) {
  const router = useRouter();
  const [running, setRunning] = useState<RunningIntegrityCheck | null>(status.running);
  const [error, setError] = useState<string | null>(null);
  const [starting, startTransition] = useTransition();

  // The console's red banner links here (#integrity-title) from every page; after a navigation the
  // route's loading state shows first, so Next.js found no section to scroll to: scroll once it is here.
  useEffect(() => {
    if (window.location.hash === `#${INTEGRITY_SECTION_ID}`) document.getElementById(INTEGRITY_SECTION_ID)?.scrollIntoView();
  }, []);

  // While a verification runs, ask how far it is; when it is over, show its recorded result.
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(async () => {
      const answer = await integrityProgressAction();
      if (!answer.ok) return;
      setRunning(answer.value.running);
      if (!answer.value.running) router.refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, router]);

  const verifyNow = () =>
    startTransition(async () => {
      setError(null);
      const answer = await verifyNowAction();
      if (!answer.ok) return setError(answer.message);
      const progress = await integrityProgressAction();
      if (progress.ok) setRunning(progress.value.running);
      if (!answer.value.started) {
        const running = answer.value.running;
        setError(`A verification is already running${running ? `, ${describeRunning(running, timeZone)}` : ""}: its progress is shown here.`);
      }
      if (progress.ok && !progress.value.running) router.refresh();
    });

  const checkpoint = status.latestCheckpoint;
  return (
    <Stack gap="sm">
      <Stack gap={2}>
        <Text size="sm" fw={600}>
          Public key ({status.origin})
        </Text>
        <Group gap="xs" wrap="nowrap" align="center">
          <Code block flex={1} style={{ wordBreak: "break-all", whiteSpace: "pre-wrap" }}>
            {status.verifierKey}
          </Code>
          <CopyIconButton value={status.verifierKey} label="Copy the public key" />
        </Group>
        <Text size="xs" c="dimmed">
          Served to anyone at /api/audit/checkpoints/public-key. Check the log offline with npm run verify -- --key followed by this key.
        </Text>
      </Stack>
      <Field label="Latest checkpoint">
        {checkpoint ? (
          <>
            {number(checkpoint.treeSize)} events, signed <DateTimeText value={new Date(checkpoint.time)} timeZone={timeZone} />
            <Text size="xs" c="dimmed" style={{ wordBreak: "break-all" }}>
              Root hash {checkpoint.rootHash}
            </Text>
          </>
        ) : (
          <Text span c="dimmed" size="sm">
            none yet: the checkpoint job signs one each minute once events are stored
          </Text>
        )}
      </Field>
      <Field label="Schedule">
        {describeSchedule(status.schedule)}, server time ({status.timeZone})
        {status.nextRunAt && (
          <>
            ; next <DateTimeText value={status.nextRunAt} timeZone={timeZone} />
          </>
        )}
      </Field>
      {running ? <Running running={running} timeZone={timeZone} /> : <LastCheck check={status.lastCheck} timeZone={timeZone} />}
      {error && (
        <Alert color="yellow" variant="light" role="status">
          {error}
        </Alert>
      )}
      <Group gap="sm">
        <Button
          leftSection={<IconShieldCheck size={16} aria-hidden />}
          onClick={verifyNow}
          loading={starting}
          disabled={!canRun || running !== null}
          title={canRun ? undefined : READ_ONLY_HINT}
        >
          Verify now
        </Button>
      </Group>
    </Stack>
  );
}
