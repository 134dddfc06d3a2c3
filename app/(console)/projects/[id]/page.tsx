// /projects/[id]: a project and every audited event in it (work items, artifacts, permissions).
import { cache } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EntityTimelinePage } from "@/components/data-table/entity-timeline-page";
import { requirePageReader } from "@/lib/auth/page-guard";
import { getProjectProfile } from "@/lib/audit/timeline/entity-profiles";
import { parseAsId } from "@/lib/audit/search/list-url";
import { ProjectHeader } from "./_components/project-header";

interface ProjectPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const loadProject = cache(async (id: string) => {
  const projectId = parseAsId.parse(id);
  return projectId === null ? null : getProjectProfile(projectId);
});

export async function generateMetadata({ params }: ProjectPageProps): Promise<Metadata> {
  const project = await loadProject((await params).id).catch(() => null);
  return { title: project ? `${project.name} · Project` : "Project" };
}

export default async function ProjectPage({ params, searchParams }: ProjectPageProps) {
  await requirePageReader();
  const project = await loadProject((await params).id);
  if (!project) notFound();
  return (
    <EntityTimelinePage
      subject={{ kind: "project", id: project.id }}
      searchParams={searchParams}
      header={(head) => <ProjectHeader project={project} {...head} />}
    />
  );
}
