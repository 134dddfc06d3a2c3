// /trackers/[id]: a tracker and every audited event in it (its work items and permissions).
import { cache } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EntityTimelinePage } from "@/components/data-table/entity-timeline-page";
import { requirePageReader } from "@/lib/auth/page-guard";
import { getTrackerProfile } from "@/lib/audit/timeline/entity-profiles";
import { parseAsId } from "@/lib/audit/search/list-url";
import { TrackerHeader } from "./_components/tracker-header";

interface TrackerPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const loadTracker = cache(async (id: string) => {
  const trackerId = parseAsId.parse(id);
  return trackerId === null ? null : getTrackerProfile(trackerId);
});

export async function generateMetadata({ params }: TrackerPageProps): Promise<Metadata> {
  const tracker = await loadTracker((await params).id).catch(() => null);
  return { title: tracker ? `${tracker.name} · Tracker` : "Tracker" };
}

export default async function TrackerPage({ params, searchParams }: TrackerPageProps) {
  await requirePageReader();
  const tracker = await loadTracker((await params).id);
  if (!tracker) notFound();
  return (
    <EntityTimelinePage
      subject={{ kind: "tracker", id: tracker.id }}
      searchParams={searchParams}
      header={(head) => <TrackerHeader tracker={tracker} {...head} />}
    />
  );
}
