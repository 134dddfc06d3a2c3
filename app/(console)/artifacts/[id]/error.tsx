"use client";

import { ListFailure } from "@/components/data-table/list-failure";

export default function ArtifactError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ListFailure title="This artifact's page could not be loaded" error={error} reset={reset} />;
}
