// /audit/console: configuration changes, exports and purges made in the console itself.
import type { Metadata } from "next";
import type { UrlQuery } from "@/lib/audit/tabs/tab-url";
import { SearchTabPage } from "../_components/search-tab-page";
import { CONSOLE_COLUMN_LABELS } from "./_components/console-column-labels";

export const metadata: Metadata = { title: "Console · Audit" };

export default function ConsolePage({ searchParams }: { searchParams: Promise<UrlQuery> }) {
  return <SearchTabPage tab="console" searchParams={searchParams} columns={Object.values(CONSOLE_COLUMN_LABELS)} />;
}
