"use client";
// Unexpected failures of an Audit tab: a plain message and a retry, never a stack trace.
import { ListFailure } from "@/components/data-table/list-failure";

export default function AuditError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ListFailure title="The audit trail could not be loaded" error={error} reset={reset} />;
}
