// The users the Users filters offer: searched as the admin types (option-actions.ts), and named for
// the ids a URL already selects. Guarded: audit readers only.
import "server-only";
import { z } from "zod";
import { requireAuditReader } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { usersField } from "../tabs/search-field";
import { USER_OPTION_SELECT, type UserOption } from "../events/user-refs";

const MAX_OPTIONS = 20;

export const userQuerySchema = z.string().max(100, "type at most 100 characters");

/** Up to 20 users whose username or display name contains `query` (any case), enabled first. */
export async function searchUserOptions(query: string): Promise<UserOption[]> {
  await requireAuditReader();
  const text = userQuerySchema.parse(query).trim();
  const { prisma } = getDb();
  return prisma.user.findMany({
    where: text
      ? {
          OR: [{ username: { contains: text, mode: "insensitive" } }, { displayName: { contains: text, mode: "insensitive" } }],
        }
      : undefined,
    orderBy: [{ enabled: "desc" }, { displayName: "asc" }, { id: "asc" }],
    take: MAX_OPTIONS,
    select: USER_OPTION_SELECT,
  });
}

/** The users with these ids, in the given order; ids of deleted users are left out. */
export async function userOptionsByIds(ids: number[]): Promise<UserOption[]> {
  await requireAuditReader();
  const wanted = usersField.schema.parse(ids);
  if (wanted.length === 0) return [];
  const { prisma } = getDb();
  const users = await prisma.user.findMany({ where: { id: { in: wanted } }, select: USER_OPTION_SELECT });
  const byId = new Map(users.map((user) => [user.id, user]));
  return wanted.flatMap((id) => byId.get(id) ?? []);
}
