// /audit/logins: who signed in and out of the ALM, when and from where.
import type { Metadata } from "next";
import type { UrlQuery } from "@/lib/audit/tabs/tab-url";
import { SearchTabPage } from "../_components/search-tab-page";
import { LOGIN_COLUMN_LABELS } from "./_components/logins-column-labels";

export const metadata: Metadata = { title: "Logins · Audit" };

export default function LoginsPage({ searchParams }: { searchParams: Promise<UrlQuery> }) {
  return <SearchTabPage tab="logins" searchParams={searchParams} columns={Object.values(LOGIN_COLUMN_LABELS)} />;
}
