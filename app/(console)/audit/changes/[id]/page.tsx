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
import { readBackLink, withBack, type BackLink } from "@/lib/audit/timeline/back-link";
import { entityHref } from "@/lib/audit/timeline/entity-paths";
import type { AuditCategory } from "@/lib/generated/prisma/enums";
import { getAdminTimeZone } from "@/lib/time/admin-time-zone";

interface ChangesPageProps {
  params: Promise<{ id: string }>;
  /** `back`: the tab (with its filters) an entity page that linked here came from (back-link.ts) */
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const loadView = cache((id: string) => getChangeView(id));

/** The tab an event belongs to, to go back to when the link did not say where it came from. */
const BACK: Record<AuditCategory, BackLink> = {
  LOGIN: { href: "/audit/logins", label: "Back to Logins" },
  WORK_ITEM: { href: "/audit/artifacts", label: "Back to Artifacts" },
  ARTIFACT: { href: "/audit/artifacts", label: "Back to Artifacts" },
  PERMISSION: { href: "/audit/permissions", label: "Back to Permissions" },
  SYSTEM: { href: "/audit", label: "Back to Audit" },
};

export async function generateMetadata({ params }: ChangesPageProps): Promise<Metadata> {
  const view = await loadView((await params).id).catch(() => null);
  return { title: view ? `Changes: ${view.event.label} · ${view.event.artifact?.name ?? view.event.id}` : "Changes" };
}

export default async function ChangesPage({ params, searchParams }: ChangesPageProps) {
  await requirePageReader();
  const view = await loadView((await params).id);
  if (!view) notFound();
  const [timeZone, query] = await Promise.all([getAdminTimeZone(), searchParams]);
  const back = readBackLink(query.back) ?? BACK[view.event.category];
  const artifactId = view.event.artifact?.id ?? null;
  return (
    <Stack gap="sm">
      <Group gap="lg" wrap="wrap">
        <TextLink href={back.href}>{back.label}</TextLink>
        {artifactId !== null && (
          <TextLink href={withBack(entityHref("artifact", artifactId), readBackLink(query.back)?.href ?? null)}>The artifact&apos;s history</TextLink>
        )}
      </Group>
      <Paper withBorder radius="md" p="lg">
        <ChangeViewPanel view={view} timeZone={timeZone} />
      </Paper>
    </Stack>
  );
}
