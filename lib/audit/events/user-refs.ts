// Users as lists show them. Events keep a snapshot of the username; the current display name,
// avatar and enabled state come from the User table by id (there is no foreign key: a deleted
// user's events keep their snapshot name).
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** A user to pick in a filter, or the current state of an event's user. */
export interface UserOption {
  id: number;
  username: string;
  displayName: string;
  avatarUrl: string | null;
  enabled: boolean;
  /** the sending system the person belongs to; null for a console account (the pickers show it: two sources may share a username) */
  source?: string | null;
}

/** An event's user: the snapshot name and, when the user still exists, who they are now. */
export interface UserRef {
  /** null for the system or an unknown sender */
  id: number | null;
  /** the username when the event happened */
  name: string;
  /** the current username, or the snapshot when the user is gone */
  username: string;
  displayName: string;
  avatarUrl: string | null;
  enabled: boolean;
  /** false when the id names no user (deleted, or never known here): show the snapshot, no link */
  exists: boolean;
}

export const USER_OPTION_SELECT = { id: true, username: true, displayName: true, avatarUrl: true, enabled: true, source: true } as const;

/** The current state of the users with these ids, by id. */
export async function loadUsers(prisma: PrismaClient, ids: Iterable<number | null | undefined>): Promise<Map<number, UserOption>> {
  const wanted = [...new Set([...ids].filter((id): id is number => typeof id === "number"))];
  if (wanted.length === 0) return new Map();
  const users = await prisma.user.findMany({ where: { id: { in: wanted } }, select: USER_OPTION_SELECT });
  return new Map(users.map((user) => [user.id, user]));
}

export function userRef(id: number | null, snapshotName: string, users: ReadonlyMap<number, UserOption>): UserRef {
  const user = id === null ? undefined : users.get(id);
  if (!user) {
    return { id, name: snapshotName, username: snapshotName, displayName: snapshotName, avatarUrl: null, enabled: true, exists: false };
  }
  return {
    id,
    name: snapshotName,
    username: user.username,
    displayName: user.displayName,
    avatarUrl: user.avatarUrl,
    enabled: user.enabled,
    exists: true,
  };
}
