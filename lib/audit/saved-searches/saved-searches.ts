// Saved searches: a tab's filters kept under a name by the administrator or auditor who saved them,
// private unless shared. Who may do what (the same in the page, the server actions and here):
// - administrators and auditors save, list, open and delete their own searches;
// - only administrators share one: a shared search shows in every administrator's and auditor's
//   list, so sharing is curating a list others see, as changing configuration is;
// - an administrator may delete anyone's shared search (to tidy that list); nobody sees, opens or
//   deletes another person's private one: to anyone else it does not exist.
// Saving and deleting are Console events (Saved Search Create / Delete), committed with the change.
import "server-only";
import { inputError, InputError } from "@/lib/api/input-error";
import { recordEvent, type EntityRef } from "@/lib/audit/events/record-event";
import { AuthError, requireAuditReader } from "@/lib/auth/guard";
import type { Principal } from "@/lib/auth/principal";
import { getDb } from "@/lib/db";
import { getSearchTab, type SearchTabId } from "../tabs/search-tabs";
import { deleteSavedSearchSchema, readSavedQuery, SAVED_SEARCH_LABELS, SAVED_SEARCHES_PER_TAB, savedSearchInputSchema } from "./saved-search-schema";

export interface SavedSearchSummary {
  id: number;
  tab: SearchTabId;
  name: string;
  /** the tab's query, without "?" */
  query: string;
  shared: boolean;
  ownerName: string;
  createdAt: Date;
  /** saved by the person looking */
  mine: boolean;
  /** the person looking may delete it */
  deletable: boolean;
  /** why the tab can no longer read its filters (a type or sort it lost), or null */
  problem: string | null;
}

type Account = Principal & { userId: number };

/** A reader with a console account: saved searches belong to a person, not to an API token or a script. */
async function requireAccount(action: string): Promise<Account> {
  const principal = await requireAuditReader(action);
  if (principal.userId === null) throw new AuthError(403, `${action} needs a console account: saved searches belong to the person who saves them.`);
  return principal as Account;
}

const actorOf = (principal: Account): EntityRef => ({ id: principal.userId, name: principal.username });

function mayDelete(principal: Account, search: { ownerId: number; shared: boolean }): boolean {
  return search.ownerId === principal.userId || (search.shared && principal.role === "ADMIN");
}

/** The searches of `tab` the caller may open: their own and the shared ones, by name. */
export async function listSavedSearches(tab: SearchTabId): Promise<SavedSearchSummary[]> {
  const principal = await requireAccount("Listing saved searches");
  const rows = await getDb().prisma.savedSearch.findMany({ where: { tab, OR: [{ ownerId: principal.userId }, { shared: true }] } });
  return rows
    .map((row) => {
      const reading = readSavedQuery(tab, row.query);
      return {
        id: row.id,
        tab,
        name: row.name,
        query: row.query,
        shared: row.shared,
        ownerName: row.ownerName,
        createdAt: row.createdAt,
        mine: row.ownerId === principal.userId,
        deletable: mayDelete(principal, row),
        problem: reading.ok ? null : reading.message,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || a.id - b.id);
}

/**
 * Saves the filters of a tab's URL under a name (the pager's place left out). Throws InputError naming
 * the field (a name taken or missing, filters the tab refuses) and AuthError (401/403).
 */
export async function createSavedSearch(input: unknown, now = new Date()): Promise<SavedSearchSummary> {
  const principal = await requireAccount("Saving a search");
  const parsed = savedSearchInputSchema.safeParse(input);
  if (!parsed.success) throw inputError(parsed.error, SAVED_SEARCH_LABELS);
  const { tab: tabId, name, shared } = parsed.data;
  if (shared && principal.role !== "ADMIN") {
    throw new AuthError(
      403,
      `Sharing a saved search needs the Administrator role. You are signed in as ${principal.username} (Auditor): save it for yourself.`,
    );
  }
  const tab = getSearchTab(tabId);
  const reading = readSavedQuery(tabId, parsed.data.query);
  if (!reading.ok) throw new InputError("query", `These filters cannot be saved: ${reading.message}. Correct them first.`);
  const { query } = reading;

  const nameTaken = (taken: string) =>
    new InputError("name", `Name: you already have a saved search called "${taken}" on the ${tab.title} tab; choose another name, or delete that one first.`);
  const row = await getDb()
    .prisma.$transaction(async (tx) => {
      const mine = { ownerId: principal.userId, tab: tabId };
      // Names are told apart as people read them: "Weekly" and "weekly" would be one name in a list.
      const taken = await tx.savedSearch.findFirst({ where: { ...mine, name: { equals: name, mode: "insensitive" } }, select: { name: true } });
      if (taken) throw nameTaken(taken.name);
      if ((await tx.savedSearch.count({ where: mine })) >= SAVED_SEARCHES_PER_TAB) {
        throw new InputError("name", `You have ${SAVED_SEARCHES_PER_TAB} saved searches on the ${tab.title} tab, the most one may keep: delete one first.`);
      }
      const created = await tx.savedSearch.create({ data: { ...mine, ownerName: principal.username, name, query, shared, createdAt: now } });
      await recordEvent(
        {
          eventType: "SAVED_SEARCH_CREATE",
          actor: actorOf(principal),
          message: `Saved search "${name}" on the ${tab.title} tab${shared ? ", shared with every administrator and auditor" : ""}: ${query ? `?${query}` : "the tab's defaults"}`,
          details: { savedSearchId: created.id, tab: tabId, name, query, shared },
          createdAt: now,
        },
        { client: tx },
      );
      return created;
    })
    .catch((error: unknown) => {
      // The same name saved twice at once: the unique index turns the second away.
      throw (error as { code?: string }).code === "P2002" ? nameTaken(name) : error;
    });
  return { ...row, tab: tabId, mine: true, deletable: true, problem: null };
}

export class UnknownSavedSearchError extends Error {
  constructor(id: number) {
    super(`There is no saved search #${id}: it may have been deleted already.`);
    this.name = "UnknownSavedSearchError";
  }
}

/**
 * Deletes a saved search: one's own, or (administrators) anyone's shared one. Another person's
 * private search reads as unknown (UnknownSavedSearchError), so its existence does not leak.
 */
export async function deleteSavedSearch(input: unknown, now = new Date()): Promise<{ name: string; tab: SearchTabId }> {
  const principal = await requireAccount("Deleting a saved search");
  const parsed = deleteSavedSearchSchema.safeParse(input);
  if (!parsed.success) throw inputError(parsed.error, { id: "Saved search" });
  const { id } = parsed.data;
  return getDb().prisma.$transaction(async (tx) => {
    const row = await tx.savedSearch.findUnique({ where: { id } });
    if (!row || (row.ownerId !== principal.userId && !row.shared)) throw new UnknownSavedSearchError(id);
    if (!mayDelete(principal, row)) {
      throw new AuthError(
        403,
        `Deleting ${row.ownerName}'s shared search "${row.name}" needs the Administrator role. You are signed in as ${principal.username} (Auditor).`,
      );
    }
    // deleteMany: a delete that lost the race to another reads as unknown, not as a 500.
    const { count } = await tx.savedSearch.deleteMany({ where: { id } });
    if (count === 0) throw new UnknownSavedSearchError(id);
    const tabId = row.tab as SearchTabId;
    const title = getSearchTab(tabId).title;
    await recordEvent(
      {
        eventType: "SAVED_SEARCH_DELETE",
        actor: actorOf(principal),
        message: `Saved search "${row.name}" on the ${title} tab deleted${row.ownerId === principal.userId ? "" : ` (saved and shared by ${row.ownerName})`}`,
        details: { savedSearchId: id, tab: row.tab, name: row.name, query: row.query, shared: row.shared, ownerName: row.ownerName },
        createdAt: now,
      },
      { client: tx },
    );
    return { name: row.name, tab: tabId };
  });
}
