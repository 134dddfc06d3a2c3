"use client";
// The red banner administrators see on every console page while the last verification of the audit
// log did not pass: what it found, in plain words and then exactly; when and by whom; what to do; and
// the way to the Config tab's Tamper evidence section, which has the details and verifies again
// (NIST SP 800-53 AU-9(b)).
import Link from "next/link";
import { Alert, Anchor, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { LastIntegrityCheck } from "@/lib/audit/integrity/integrity-check";
import { INTEGRITY_SECTION_ID, type VerifyProblemKind } from "@/lib/audit/integrity/verify-problems";
import { formatDateTime, zoneName } from "@/lib/time/zoned";

/** What each kind of problem means for the log, in an administrator's words. */
const PLAIN: Record<VerifyProblemKind, string> = {
  altered: "an audit event was changed after it was logged",
  swapped: "the contents of two audit events were swapped",
  missing: "an audit event was deleted outside the retention",
  gap: "entries of the signed log were deleted",
  reordered: "entries of the signed log were reordered",
  unsequenced: "an event was inserted behind the log's back",
  node: "the signed log's stored tree was changed",
  "checkpoint-signature": "a signed checkpoint of the log does not verify",
  "checkpoint-root": "a signed checkpoint no longer matches the log",
  "checkpoint-origin": "a checkpoint of another log was stored",
  truncated: "the last entries of the signed log were deleted",
};

export function IntegrityBanner({ check, timeZone }: { check: LastIntegrityCheck; timeZone: string }) {
  const problem = check.problems[0];
  const failed = check.outcome === "failed";
  const title = failed
    ? `The audit log may have been tampered with: ${problem ? PLAIN[problem.kind] : "it does not verify"}`
    : "The audit log could not be verified";
  const more = check.problemCount > 1 ? ` ${(check.problemCount - 1).toLocaleString("en-US")} more problem${check.problemCount > 2 ? "s" : ""} found.` : "";
  const by = check.trigger === "schedule" ? "the daily check" : `a verification started by ${check.startedBy}`;
  const when = `${formatDateTime(check.finishedAt, timeZone)} ${zoneName(check.finishedAt, timeZone)}`;
  const todo = failed
    ? "Find out who changed the database (only its owner's login can), restore what was changed from a backup or an earlier export, then verify again."
    : "Check the server's log and that the database answers, then verify again.";
  return (
    <Alert color="red" variant="filled" icon={<IconAlertTriangle size={20} aria-hidden />} title={title} role="alert" mb="md" data-testid="integrity-banner">
      <Stack gap={4}>
        <Text size="sm">
          {problem ? problem.message : check.error}
          {more}
        </Text>
        <Text size="sm">
          Found {when} by {by}.
        </Text>
        <Text size="sm">
          {todo} This banner stays until a verification passes:{" "}
          <Anchor component={Link} href={`/audit/config#${INTEGRITY_SECTION_ID}`} c="white" underline="always" fw={700}>
            Tamper evidence on the Config tab
          </Anchor>
          .
        </Text>
      </Stack>
    </Alert>
  );
}
