"use client";
// The red banner administrators see on every console page while the last verification of the audit
// log did not pass: what it found, when, and where to verify again (NIST SP 800-53 AU-9(b)).
import Link from "next/link";
import { Alert, Anchor, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { LastIntegrityCheck } from "@/lib/audit/integrity/integrity-check";
import { VERIFY_PROBLEM_KINDS } from "@/lib/audit/integrity/verify-problems";
import { formatDateTime } from "@/lib/time/zoned";

export function IntegrityBanner({ check, timeZone }: { check: LastIntegrityCheck; timeZone: string }) {
  const problem = check.problems[0];
  const title = check.outcome === "failed" ? "The audit log does not verify: it may have been tampered with" : "The audit log could not be verified";
  return (
    <Alert color="red" variant="filled" icon={<IconAlertTriangle size={20} aria-hidden />} title={title} role="alert" mb="md" data-testid="integrity-banner">
      <Text size="sm">
        {problem ? `${VERIFY_PROBLEM_KINDS[problem.kind]}: ${problem.message}` : check.error}
        {check.problemCount > 1 && ` (${check.problemCount.toLocaleString("en-US")} problems in all.)`}
      </Text>
      <Text size="sm">
        Found by the verification of {formatDateTime(check.finishedAt, timeZone)}. This banner stays until a verification passes:{" "}
        <Anchor component={Link} href="/audit/config#integrity-title" c="white" underline="always">
          Verify now on the Config tab
        </Anchor>
        .
      </Text>
    </Alert>
  );
}
