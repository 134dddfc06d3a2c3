// /settings/api-tokens: the credentials of the systems that send events or read through the API:
// make one (its secret shown once), see who made each and when it was last used, revoke it, and
// what each source sent today. Administrators only: an auditor gets the 403 page.
import { Suspense } from "react";
import type { Metadata } from "next";
import { Grid, GridCol, Skeleton, Stack } from "@mantine/core";
import { DataTableSkeleton } from "@/components/data-table/data-table-states";
import { SectionCard } from "@/components/section-card";
import { requirePageAdmin } from "@/lib/auth/page-guard";
import { SettingsHeader } from "../_components/settings-header";
import { getAdminTimeZone } from "@/lib/time/admin-time-zone";
import { ApiTokenCreateCard } from "./_components/api-token-create-card";
import { ApiTokenList } from "./_components/api-token-list";
import { ApiTokensNote } from "./_components/api-tokens-note";
import { SourceActivityPanel } from "./_components/source-activity-panel";

export const metadata: Metadata = { title: "API tokens · Settings" };

export default async function ApiTokensPage() {
  await requirePageAdmin();
  const timeZone = await getAdminTimeZone();
  const now = new Date();

  return (
    <Stack gap="md" maw={1440} mx="auto">
      <SettingsHeader title="API tokens">
        Credentials for the systems that send events to the console, and for the tools that read the audit trail through its API.
      </SettingsHeader>
      <Grid gap="md">
        <GridCol span={{ base: 12, lg: 8 }}>
          <ApiTokenCreateCard timeZone={timeZone} now={now} />
        </GridCol>
        <GridCol span={{ base: 12, lg: 4 }}>
          <ApiTokensNote />
        </GridCol>
      </Grid>
      <SectionCard id="tokens-title" title="Tokens" description="Newest first. Revoked and expired tokens stay listed, as the record of who had access.">
        <Suspense
          fallback={
            <DataTableSkeleton columns={["Name", "Source", "Scopes", "Created", "Last used", "Expires", "Status"]} rows={3} label="Loading the tokens" />
          }
        >
          <ApiTokenList timeZone={timeZone} now={now} />
        </Suspense>
      </SectionCard>
      <SectionCard
        id="sources-title"
        title="Sources"
        description="Each sending system: when its last events came, what became of today's, and where its entities open in it."
      >
        <Suspense fallback={<Skeleton height={160} radius="sm" />}>
          <SourceActivityPanel timeZone={timeZone} />
        </Suspense>
      </SectionCard>
    </Stack>
  );
}
