// /users/[id]: who the user is, and their audit timeline across all categories.
import { cache, Suspense } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Stack, Title } from "@mantine/core";
import { DataTableSkeleton } from "@/components/data-table/data-table-states";
import { requirePageReader } from "@/lib/auth/page-guard";
import { loadTimelineSearch, parseAsId } from "@/lib/audit/search-params";
import { getUserProfile } from "@/lib/audit/user-timeline";
import { getAdminTimeZone } from "@/lib/time/admin-time-zone";
import { UserHeader } from "./_components/user-header";
import { TIMELINE_COLUMN_LABELS } from "./_components/user-timeline-labels";
import { UserTimelineResults } from "./_components/user-timeline-results";

interface UserPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const loadUser = cache(async (id: string) => {
  const userId = parseAsId.parse(id);
  return userId === null ? null : getUserProfile(userId);
});

export async function generateMetadata({ params }: UserPageProps): Promise<Metadata> {
  const user = await loadUser((await params).id).catch(() => null);
  return { title: user ? `${user.displayName} (@${user.username})` : "User" };
}

export default async function UserPage({ params, searchParams }: UserPageProps) {
  await requirePageReader();
  const user = await loadUser((await params).id);
  if (!user) notFound();
  const [search, timeZone] = await Promise.all([loadTimelineSearch(searchParams), getAdminTimeZone()]);
  return (
    <Stack gap="md" maw={1440} mx="auto">
      <UserHeader user={user} timeZone={timeZone} />
      <Title order={2} size="h4">
        Audit timeline
      </Title>
      <Suspense key={JSON.stringify(search)} fallback={<DataTableSkeleton columns={TIMELINE_COLUMN_LABELS} rows={search.size} label="Loading the timeline" />}>
        <UserTimelineResults userId={user.id} search={search} timeZone={timeZone} />
      </Suspense>
    </Stack>
  );
}
