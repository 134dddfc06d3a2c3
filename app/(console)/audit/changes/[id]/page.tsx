// /audit/changes/[id]: an event's diff as its own page (a shared link, a reload, "Open as page").
// From a tab's table the same URL opens over the table instead (the tab's @modal slot).
import { cache } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Group, Paper, Stack } from "@mantine/core";
import { ChangeViewPanel } from "@/components/diff/change-view-panel";
import { TextLink } from "@/components/data-table/text-link";
import { requirePageReader } from "@/lib/auth/page-guard";
import { getChangeView } from "@/lib/audit/diff/change-view";
import { entityHref } from "@/lib/audit/timeline/entity-paths";
import type { AuditCategory } from "@/lib/generated/prisma/enums";
import { getAdminTimeZone } from "@/lib/time/admin-time-zone";

interface ChangesPageProps {
  params: Promise<{ id: string }>;
}

const loadView = cache((id: string) => getChangeView(id));

/** The tab an event belongs to, to go back to. */
const BACK: Record<AuditCategory, { href: string; label: string }> = {
  LOGIN: { href: "/audit/logins", label: "Logins" },
  WORK_ITEM: { href: "/audit/artifacts", label: "Artifacts" },
  ARTIFACT: { href: "/audit/artifacts", label: "Artifacts" },
  PERMISSION: { href: "/audit/permissions", label: "Permissions" },
  SYSTEM: { href: "/audit", label: "Audit" },
};

export async function generateMetadata({ params }: ChangesPageProps): Promise<Metadata> {
  const view = await loadView((await params).id).catch(() => null);
  return { title: view ? `Changes: ${view.event.label} · ${view.event.artifact?.name ?? view.event.id}` : "Changes" };
}

export default async function ChangesPage({ params }: ChangesPageProps) {
  await requirePageReader();
  const view = await loadView((await params).id);
  if (!view) notFound();
  const timeZone = await getAdminTimeZone();
  const tab = BACK[view.event.category];
  const artifactId = view.event.artifact?.id ?? null;
  return (
    <Stack gap="sm">
      <Group gap="lg" wrap="wrap">
        <TextLink href={tab.href}>Back to {tab.label}</TextLink>
        {artifactId !== null && <TextLink href={entityHref("artifact", artifactId)}>The artifact&apos;s history</TextLink>}
      </Group>
      <Paper withBorder radius="md" p="lg">
        <ChangeViewPanel view={view} timeZone={timeZone} />
      </Paper>
    </Stack>
  );
}
