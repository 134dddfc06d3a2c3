// /artifacts/[id]: a work item's or artifact's whole life: created, updated, removed, restored,
// deleted, each with what it changed.
import { cache } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EntityTimelinePage } from "@/components/data-table/entity-timeline-page";
import { requirePageReader } from "@/lib/auth/page-guard";
import { getArtifactProfile } from "@/lib/audit/timeline/entity-profiles";
import { parseAsId } from "@/lib/audit/search/list-url";
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
  return (
    <EntityTimelinePage
      subject={{ kind: "artifact", id: artifact.id }}
      searchParams={searchParams}
      header={(head) => <ArtifactHeader artifact={artifact} {...head} />}
    />
  );
}
