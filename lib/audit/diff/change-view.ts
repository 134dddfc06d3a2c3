// The diff view's data (/audit/changes/[id], and the same over a table): the event as its row
// shows it (who, when, what) and its changes, ready to render.
import "server-only";
import { z } from "zod";
import { requireAuditReader } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { buildChangeDiff, diffModeOf, type ChangeDiff } from "./change-diff";
import { parseChanges } from "../events/changes";
import { EVENT_ROW_SELECT, toEventRows, type EventRow } from "../events/event-rows";
import { eventMessage, type EventMessage } from "../events/message";
import { loadUsers, type UserOption } from "../events/user-refs";
import { eventSourceLink } from "../events/source-link-store";
import type { SourceLink } from "../events/source-links";

export interface ChangeView {
  event: EventRow;
  message: EventMessage;
  diff: ChangeDiff;
  /** the stored change list did not read as one: the view says so instead of showing nothing */
  invalid: boolean;
  /** the users user values name, as they are now, by id */
  users: Record<number, UserOption>;
  /** "Open in the source system", where the event's source has a link template */
  sourceLink: SourceLink | null;
}

/** An event id as URLs carry it: digits, within bigint range. */
export const eventIdSchema = z
  .string()
  .regex(/^\d{1,19}$/, "must be an event id")
  .transform((text) => BigInt(text))
  .refine((id) => id > 0n && id <= 9_223_372_036_854_775_807n, "must be an event id");

/** The event with this id and its diff, or null when there is none (or the id is not one). */
export async function getChangeView(id: string): Promise<ChangeView | null> {
  await requireAuditReader();
  const parsed = eventIdSchema.safeParse(id);
  if (!parsed.success) return null;
  const { prisma } = getDb();
  const record = await prisma.auditEvent.findFirst({ where: { id: parsed.data }, select: EVENT_ROW_SELECT });
  if (!record) return null;
  const [event] = await toEventRows(prisma, [record]);
  const { changes, invalid } = parseChanges(record.changes);
  const diff = buildChangeDiff(changes, diffModeOf(record.eventType));
  const [users, sourceLink] = await Promise.all([loadUsers(prisma, diff.userIds), eventSourceLink(event)]);
  return { event, message: eventMessage(event), diff, invalid, users: Object.fromEntries(users), sourceLink };
}
