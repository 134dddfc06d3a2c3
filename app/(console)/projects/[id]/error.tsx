"use client";

import { ListFailure } from "@/components/data-table/list-failure";

export default function ProjectError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ListFailure title="This project's page could not be loaded" error={error} reset={reset} />;
}
