// The Create a token card: the form gets the known sources' names to suggest, once they are read.
import { Suspense } from "react";
import { Skeleton } from "@mantine/core";
import { SectionCard } from "@/components/section-card";
import { ApiTokenCreator } from "./api-token-creator";
import { loadSourceActivity } from "./source-activity-panel";

async function CreatorWithSources({ timeZone, now }: { timeZone: string; now: Date }) {
  const { sources } = await loadSourceActivity(timeZone);
  return <ApiTokenCreator sources={sources.map(({ name, activeTokens }) => ({ name, activeTokens }))} now={now} timeZone={timeZone} />;
}

export function ApiTokenCreateCard({ timeZone, now }: { timeZone: string; now: Date }) {
  return (
    <SectionCard id="create-title" title="Create a token" description="The token belongs to one source and may do what its scopes allow.">
      <Suspense fallback={<Skeleton height={300} radius="sm" />}>
        <CreatorWithSources timeZone={timeZone} now={now} />
      </Suspense>
    </SectionCard>
  );
}
