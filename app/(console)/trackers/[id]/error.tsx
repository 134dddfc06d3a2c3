"use client";

import { ListFailure } from "@/components/data-table/list-failure";

export default function TrackerError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ListFailure title="This tracker's page could not be loaded" error={error} reset={reset} />;
}
