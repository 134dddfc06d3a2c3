// /audit/artifacts: who created, changed, trashed, restored or deleted work items and artifacts.
import type { Metadata } from "next";
import type { UrlQuery } from "@/lib/audit/tabs/tab-url";
import { SearchTabPage } from "../_components/search-tab-page";
import { ARTIFACT_COLUMN_LABELS } from "./_components/artifacts-column-labels";

export const metadata: Metadata = { title: "Artifacts · Audit" };

export default function ArtifactsPage({ searchParams }: { searchParams: Promise<UrlQuery> }) {
  return <SearchTabPage tab="artifacts" searchParams={searchParams} columns={Object.values(ARTIFACT_COLUMN_LABELS)} />;
}
