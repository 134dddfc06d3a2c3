// /audit/config: which event types are audited, how long events are kept, the remover job, the ALM
// Octane API's records cap, the tamper evidence (public key, checkpoints, verification), and the
// history of configuration changes. Auditors read it; only
// Administrators change it.
import { Suspense } from "react";
import type { Metadata } from "next";
import { Alert, SimpleGrid, Stack } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { createLoader, parseAsNumberLiteral } from "nuqs/server";
import { DataTableSkeleton } from "@/components/data-table/data-table-states";
import { SectionCard } from "@/components/section-card";
import { requirePageReader } from "@/lib/auth/page-guard";
import { getCoverage } from "@/lib/audit/config/coverage";
import { getOctaneCap } from "@/lib/audit/config/octane-cap";
import { getIntegrityStatus } from "@/lib/audit/integrity/integrity-check";
import { INTEGRITY_SECTION_ID } from "@/lib/audit/integrity/verify-problems";
import { getRetention } from "@/lib/audit/config/retention-settings";
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from "@/lib/audit/search/list-result";
import { getRemoverStatus } from "@/lib/audit/retention/remover-status";
import { parseAsPage } from "@/lib/audit/search/list-url";
import { getAdminTimeZone } from "@/lib/time/admin-time-zone";
import { ConfigHistory, ConfigHistorySection } from "./_components/config-history";
import { CoverageForm } from "./_components/coverage-form";
import { IntegrityPanel } from "./_components/integrity-panel";
import { OctaneCapForm } from "./_components/octane-cap-form";
import { READ_ONLY_HINT } from "./_components/read-only-hint";
import { RemoverPanel } from "./_components/remover-panel";
import { RetentionForm } from "./_components/retention-form";

export const metadata: Metadata = { title: "Config · Audit" };

const loadHistoryWindow = createLoader({
  page: parseAsPage.withDefault(1),
  size: parseAsNumberLiteral(PAGE_SIZES).withDefault(DEFAULT_PAGE_SIZE),
});

export default async function ConfigPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePageReader();
  const window = await loadHistoryWindow(searchParams);
  const [timeZone, coverage, retention, remover, octaneCap, integrity] = await Promise.all([
    getAdminTimeZone(),
    getCoverage(),
    getRetention(),
    getRemoverStatus(),
    getOctaneCap(),
    getIntegrityStatus(),
  ]);
  const canEdit = principal.role === "ADMIN";
  // Remount the forms when what is saved changes (a save here, or by someone else).
  const coverageKey = coverage.map((entry) => (entry.enabled ? 1 : 0)).join("");
  const retentionKey = `${retention.days}-${retention.updatedAt?.getTime() ?? 0}`;
  const octaneCapKey = `${octaneCap.maxRecords}-${octaneCap.updatedAt?.getTime() ?? 0}`;

  return (
    <Stack gap="md">
      {!canEdit && (
        <Alert color="gray" variant="light" icon={<IconLock size={18} aria-hidden />} title="Read only">
          {READ_ONLY_HINT} You are signed in as {principal.username} (Auditor): you can see the configuration and preview the remover job.
        </Alert>
      )}
      <CoverageForm key={coverageKey} entries={coverage} canEdit={canEdit} timeZone={timeZone} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <SectionCard
          id="retention-title"
          title="Retention"
          description="How long Login, Work Item and Artifact events are kept before the remover job deletes them."
        >
          <RetentionForm key={retentionKey} retention={retention} canEdit={canEdit} nextRunAt={remover.nextRunAt} timeZone={timeZone} />
        </SectionCard>
        <SectionCard
          id="remover-title"
          title="Remover job"
          description="Deletes the events older than the retention, in batches, one run at a time; each run is recorded as an Audit Purge event."
        >
          <RemoverPanel status={remover} retentionDays={retention.days} canRun={canEdit} timeZone={timeZone} />
        </SectionCard>
        <SectionCard
          id="octane-cap-title"
          title="ALM Octane API"
          description="The most records one query of the audits resource reaches (Octane's MAX_LIMIT_ELASTIC): it may be lowered, never raised above 10,000."
        >
          <OctaneCapForm key={octaneCapKey} cap={octaneCap} canEdit={canEdit} timeZone={timeZone} />
        </SectionCard>
        <SectionCard
          id={INTEGRITY_SECTION_ID}
          title="Tamper evidence"
          description="Every event is a leaf of a Merkle log whose checkpoints are signed each minute. A verification recomputes every leaf and checks every checkpoint; it runs daily and on demand, and its result is recorded as an Audit Log Verification event."
        >
          <IntegrityPanel key={integrity.lastCheck?.eventId ?? "none"} status={integrity} canRun={canEdit} timeZone={timeZone} />
        </SectionCard>
      </SimpleGrid>
      <ConfigHistorySection>
        <Suspense
          key={`${window.page}-${window.size}`}
          fallback={<DataTableSkeleton columns={["Changed at", "User", "Change", "Made through"]} rows={5} label="Loading the history" />}
        >
          <ConfigHistory window={window} timeZone={timeZone} />
        </Suspense>
      </ConfigHistorySection>
    </Stack>
  );
}
