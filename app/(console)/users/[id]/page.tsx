// /users/[id]: who the user is, and their audit timeline across all categories.
import { cache } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EntityTimelinePage } from "@/components/data-table/entity-timeline-page";
import { requirePageReader } from "@/lib/auth/page-guard";
import { parseAsId } from "@/lib/audit/search/list-url";
import { getUserProfile } from "@/lib/audit/timeline/user-profile";
import { UserHeader } from "./_components/user-header";

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
  return <EntityTimelinePage subject={{ kind: "user", id: user.id }} searchParams={searchParams} header={(head) => <UserHeader user={user} {...head} />} />;
}
