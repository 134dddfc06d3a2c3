// A user's page: who the user is, and every event they did or that was done to them, newest first.
import { z } from "zod";
import { requireAuditReader } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import type { AuditCategory, AuditEventType, ConsoleRole } from "@/lib/generated/prisma/enums";
import { CATEGORY_LABELS, eventTypeLabel } from "./event-types";
import { auditOrderBy } from "./filter-query";
import { LIST_FIELD_LABELS, parseFilters } from "./filter-schema";
import { pageOfEvents } from "./list-query";
import { timelineSearchSchema, userTimelineWhere } from "./timeline-filters";
import type { ListResult } from "./list-result";
import { loadUsers, userRef, type UserRef } from "./user-refs";

export interface UserProfile {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  avatarUrl: string | null;
  enabled: boolean;
  consoleRole: ConsoleRole;
  createdAt: Date;
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
      memberships: { select: { group: { select: { id: true, name: true } } }, orderBy: { group: { name: "asc" } } },
    },
  });
  if (!user) return null;
  const { memberships, ...rest } = user;
  return { ...rest, groups: memberships.map((membership) => membership.group) };
}

export type TimelineRole = "Actor" | "Target" | "Actor and target";

export interface TimelineRow {
  id: string;
  eventType: AuditEventType;
  label: string;
  category: AuditCategory;
  categoryLabel: string;
  createdAt: Date;
  role: TimelineRole;
  actor: UserRef;
  targetUser: UserRef | null;
  projectId: number | null;
  projectName: string | null;
  trackerId: number | null;
  trackerName: string | null;
  artifactId: number | null;
  artifactName: string | null;
  message: string | null;
  ip: string | null;
}

function roleOf(userId: number, actorId: number | null, targetUserId: number | null): TimelineRole {
  if (actorId === userId && targetUserId === userId) return "Actor and target";
  return actorId === userId ? "Actor" : "Target";
}

/** One page of the user's timeline. */
export async function searchUserTimeline(userId: number, input: unknown): Promise<ListResult<TimelineRow>> {
  await requireAuditReader();
  const id = z.number().int().positive().parse(userId);
  const search = parseFilters(timelineSearchSchema, input, LIST_FIELD_LABELS);
  const { prisma } = getDb();
  const page = await pageOfEvents(userTimelineWhere(id), search, {
    count: (args) => prisma.auditEvent.count(args),
    find: (args) => prisma.auditEvent.findMany({ ...args, orderBy: auditOrderBy(search.sort) }),
  });
  const users = await loadUsers(prisma, page.rows.flatMap((row) => [row.actorId, row.targetUserId]));
  return {
    ...page,
    rows: page.rows.map((row) => ({
      id: row.id.toString(),
      eventType: row.eventType,
      label: eventTypeLabel(row.eventType),
      category: row.category,
      categoryLabel: CATEGORY_LABELS[row.category],
      createdAt: row.createdAt,
      role: roleOf(id, row.actorId, row.targetUserId),
      actor: userRef(row.actorId, row.actorName, users),
      targetUser: row.targetUserName === null ? null : userRef(row.targetUserId, row.targetUserName, users),
      projectId: row.projectId,
      projectName: row.projectName,
      trackerId: row.trackerId,
      trackerName: row.trackerName,
      artifactId: row.artifactId,
      artifactName: row.artifactName,
      message: row.message,
      ip: row.ip,
    })),
  };
}
