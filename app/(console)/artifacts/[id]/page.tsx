// /artifacts/[id]: a work item's or artifact's whole life: created, updated, removed, restored,
// deleted, each with what it changed.
import { cache } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Stack } from "@mantine/core";
import { TimelineSection } from "@/components/data-table/timeline-section";
import { requirePageReader } from "@/lib/auth/page-guard";
import { getArtifactProfile } from "@/lib/audit/timeline/entity-profiles";
import { loadTimelineSearch, parseAsId } from "@/lib/audit/search/list-url";
import { getAdminTimeZone } from "@/lib/time/admin-time-zone";
import { ArtifactHeader } from "./_components/artifact-header";

interface ArtifactPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const loadArtifact = cache(async (id: string) => {
  const artifactId = parseAsId.parse(id);
  return artifactId === null ? null : getArtifactProfile(artifactId);
});

export async function generateMetadata({ params }: ArtifactPageProps): Promise<Metadata> {
  const artifact = await loadArtifact((await params).id).catch(() => null);
  return { title: artifact ? `${artifact.name} · History` : "Artifact" };
}

export default async function ArtifactPage({ params, searchParams }: ArtifactPageProps) {
  await requirePageReader();
  const artifact = await loadArtifact((await params).id);
  if (!artifact) notFound();
  const [search, timeZone] = await Promise.all([loadTimelineSearch(searchParams), getAdminTimeZone()]);
  return (
    <Stack gap="md" maw={1440} mx="auto">
      <ArtifactHeader artifact={artifact} timeZone={timeZone} />
      <TimelineSection subject={{ kind: "artifact", id: artifact.id }} search={search} timeZone={timeZone} path={`/artifacts/${artifact.id}`} />
    </Stack>
  );
}
