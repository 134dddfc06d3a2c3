// A user's page: who the user is (their timeline is an entity timeline, entity-timeline.ts).
import "server-only";
import { requireAuditReader } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import type { ConsoleRole } from "@/lib/generated/prisma/enums";

export interface UserProfile {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  avatarUrl: string | null;
  enabled: boolean;
  consoleRole: ConsoleRole;
  createdAt: Date;
  /** the sending system the person belongs to; null for a console account */
  source: string | null;
  /** the person's id in that system */
  sourceId: string | null;
  groups: { id: number; name: string }[];
}

/** The user with this id, or null when there is none. */
export async function getUserProfile(id: number): Promise<UserProfile | null> {
  await requireAuditReader();
  const { prisma } = getDb();
  const user = await prisma.user.findUnique({
    where: { id },
    select: {
      id: true,
      username: true,
      displayName: true,
      email: true,
      avatarUrl: true,
      enabled: true,
      consoleRole: true,
      createdAt: true,
      source: true,
      sourceId: true,
      memberships: { select: { group: { select: { id: true, name: true } } }, orderBy: { group: { name: "asc" } } },
    },
  });
  if (!user) return null;
  const { memberships, ...rest } = user;
  return { ...rest, groups: memberships.map((membership) => membership.group) };
}
