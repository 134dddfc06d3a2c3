// The Config tab's history: every AUDIT_CONFIG_CHANGE event (switches, retention, console accounts
// made with create-admin), newest first, paged.
import "server-only";
import { z } from "zod";
import { requireAuditReader } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { parseChanges, type FieldChange } from "../events/changes";
import { MAX_PAGE } from "../search/filter-schema";
import { eventQuery, pageOfEvents } from "../search/list-query";
import { DEFAULT_PAGE_SIZE, PAGE_SIZES, type ListResult } from "../search/list-result";
import { loadUsers, userRef, type UserRef } from "../events/user-refs";

export interface ConfigHistoryRow {
  id: string;
  createdAt: Date;
  actor: UserRef;
  message: string | null;
  changes: FieldChange[];
  /** "console" or "api" for changes made in the console; null for other tools (create-admin) */
  via: string | null;
  /** where the change was made, in words: "Config tab", "REST API", "create-admin" */
  channel: string;
  ip: string | null;
}

export const configHistoryWindowSchema = z.object({
  page: z.number().int().min(1).max(MAX_PAGE).default(1),
  size: z.literal(PAGE_SIZES).default(DEFAULT_PAGE_SIZE),
});
export type ConfigHistoryWindow = z.output<typeof configHistoryWindowSchema>;

const WHERE = { eventType: "AUDIT_CONFIG_CHANGE" } as const;

function detailString(details: unknown, key: string): string | null {
  if (typeof details !== "object" || details === null || Array.isArray(details)) return null;
  const value = (details as Record<string, unknown>)[key];
  return typeof value === "string" ? value : null;
}

const CHANNELS: Record<string, string> = { console: "Config tab", api: "REST API" };

function channelOf(via: string | null, tool: string | null): string {
  return (via && CHANNELS[via]) || tool || "—";
}

export async function listConfigHistory(input: unknown): Promise<ListResult<ConfigHistoryRow>> {
  await requireAuditReader("Reading the configuration history");
  const window = configHistoryWindowSchema.parse(input);
  const db = getDb();
  const { prisma } = db.reads;
  const page = await pageOfEvents(
    WHERE,
    [{ createdAt: "desc" }, { id: "desc" }],
    { ...window, sort: "createdAt.desc" },
    eventQuery(db, (args) => prisma.auditEvent.findMany(args)),
  );
  const users = await loadUsers(
    prisma,
    page.rows.map((row) => row.actorId),
  );
  return {
    ...page,
    rows: page.rows.map((row) => ({
      id: row.id.toString(),
      createdAt: row.createdAt,
      actor: userRef(row.actorId, row.actorName, users),
      message: row.message,
      changes: parseChanges(row.changes).changes,
      via: detailString(row.details, "via"),
      channel: channelOf(detailString(row.details, "via"), detailString(row.details, "tool")),
      ip: row.ip,
    })),
  };
}
