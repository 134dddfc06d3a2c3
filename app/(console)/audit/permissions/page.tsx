// /audit/permissions: artifact permissions, group membership and accounts, and whom they were about.
import type { Metadata } from "next";
import type { UrlQuery } from "@/lib/audit/tabs/tab-url";
import { SearchTabPage } from "../_components/search-tab-page";
import { PERMISSION_COLUMN_LABELS } from "./_components/permissions-column-labels";

export const metadata: Metadata = { title: "Permissions · Audit" };

export default function PermissionsPage({ searchParams }: { searchParams: Promise<UrlQuery> }) {
  return <SearchTabPage tab="permissions" searchParams={searchParams} columns={Object.values(PERMISSION_COLUMN_LABELS)} />;
}
