import { beforeEach, describe, expect, it, vi } from "vitest";
import { InputError } from "@/lib/api/input-error";
import { AuthError } from "@/lib/auth/guard";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { useAppDatabase } from "@/lib/test/app-database";
import { testDatabases } from "@/lib/test/databases";
import { createSavedSearch, deleteSavedSearch, listSavedSearches, UnknownSavedSearchError } from "./saved-searches";

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

const ADA: Principal = { userId: 1, username: "ada", displayName: "Ada Admin", role: "ADMIN", sessionId: null };
const BOB: Principal = { userId: 2, username: "bob", displayName: "Bob Admin", role: "ADMIN", sessionId: null };
const AUDREY: Principal = { userId: 3, username: "audrey", displayName: "Audrey Auditor", role: "AUDITOR", sessionId: null };
const SCRIPT: Principal = { userId: null, username: "create-admin", displayName: "script", role: "ADMIN", sessionId: null };
const NOW = new Date("2026-03-16T09:30:00Z");

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: unknown) => error,
  );
const save = (who: Principal, input: Record<string, unknown>) => runAs(who, () => createSavedSearch({ tab: "logins", query: "", ...input }, NOW));
const names = (who: Principal, tab: "logins" | "console" = "logins") => runAs(who, async () => (await listSavedSearches(tab)).map((search) => search.name));

describe.each(testDatabases())("saved searches on $name", ({ open }) => {
  const state = useAppDatabase(open);
  // Events cannot be deleted (the table only takes inserts): each test reads the ones after its start.
  let start = 0n;
  const eventsOf = (eventType: "SAVED_SEARCH_CREATE" | "SAVED_SEARCH_DELETE") =>
    state.db.prisma.auditEvent.findMany({ where: { eventType, id: { gt: start } }, orderBy: { id: "asc" } });
  beforeEach(async () => {
    await state.db.prisma.savedSearch.deleteMany();
    start = (await state.db.prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
  });

  it("keeps the filters without the pager's place, in the tab's spelling, and records a Console event", async () => {
    const saved = await save(ADA, { name: "  Night logins  ", query: "types=User_Login&range=Last_7_Days&users=7,3&page=4&size=50&sort=user.asc&after=x" });
    expect(saved).toMatchObject({
      name: "Night logins",
      query: "users=7,3&types=USER_LOGIN&range=Last_7_Days&size=50&sort=user.asc",
      shared: false,
      ownerName: "ada",
    });
    const events = await eventsOf("SAVED_SEARCH_CREATE");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      category: "SYSTEM",
      actorId: 1,
      actorName: "ada",
      message: 'Saved search "Night logins" on the Logins tab: ?users=7,3&types=USER_LOGIN&range=Last_7_Days&size=50&sort=user.asc',
      details: { savedSearchId: saved.id, tab: "logins", name: "Night logins", shared: false },
    });
  });

  it("lists one's own searches and the shared ones, never another person's private ones", async () => {
    await save(ADA, { name: "ada private" });
    await save(ADA, { name: "Ada shared", shared: true });
    await save(BOB, { name: "bob private" });
    await save(AUDREY, { name: "audrey private" });
    await save(ADA, { name: "console one", tab: "console" });
    expect(await names(ADA)).toEqual(["ada private", "Ada shared"]);
    expect(await names(BOB)).toEqual(["Ada shared", "bob private"]);
    expect(await names(AUDREY)).toEqual(["Ada shared", "audrey private"]);
    expect(await names(BOB, "console")).toEqual([]);
    const [shared] = await runAs(AUDREY, () => listSavedSearches("logins"));
    expect(shared).toMatchObject({ name: "Ada shared", ownerName: "ada", mine: false, deletable: false, shared: true });
  });

  it("lets auditors save for themselves but not share", async () => {
    await save(AUDREY, { name: "mine" });
    const error = await refusal(save(AUDREY, { name: "for everyone", shared: true }));
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ status: 403, message: expect.stringContaining("Sharing a saved search needs the Administrator role") });
    expect(await names(AUDREY)).toEqual(["mine"]);
  });

  it.each([
    [{ name: "" }, "name", "Name: give the search a name"],
    [{ name: "   " }, "name", "Name: give the search a name"],
    [{ name: "x".repeat(101) }, "name", "Name: may be at most 100 characters"],
    [{ name: "ok", tab: "config" }, "tab", expect.stringMatching(/^Tab: is not a search tab: use logins, artifacts, permissions, console$/)],
    [
      { name: "ok", query: "types=WORK_ITEM_UPDATE" },
      "query",
      expect.stringContaining('Event Types: "WORK_ITEM_UPDATE" is not an event type of the Logins tab'),
    ],
    [{ name: "ok", shared: "yes" }, "shared", "Shared: must be true or false"],
  ])("refuses %j naming the field", async (input, field, message) => {
    const error = await refusal(save(ADA, input));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field, message });
    expect(await eventsOf("SAVED_SEARCH_CREATE")).toEqual([]);
  });

  it("takes 100 characters, and a name once per person and tab, whatever its case", async () => {
    await save(ADA, { name: "x".repeat(100) });
    await save(ADA, { name: "Weekly" });
    const error = await refusal(save(ADA, { name: "weekly" }));
    expect(error).toMatchObject({
      field: "name",
      message: 'Name: you already have a saved search called "Weekly" on the Logins tab; choose another name, or delete that one first.',
    });
    // Another tab, or another person, may use the name.
    await save(ADA, { name: "Weekly", tab: "console" });
    await save(BOB, { name: "Weekly", shared: true });
    expect(await names(ADA)).toEqual(["Weekly", "Weekly", "x".repeat(100)]);
  });

  it("turns away the same name saved twice at once with the name's message, not a 500", async () => {
    const results = await Promise.allSettled([save(BOB, { name: "Twice" }), save(BOB, { name: "Twice" })]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const [failed] = results.filter((result) => result.status === "rejected");
    expect(failed?.reason).toMatchObject({ field: "name", message: expect.stringContaining('already have a saved search called "Twice"') });
    expect(await eventsOf("SAVED_SEARCH_CREATE")).toHaveLength(1);
  });

  it("belongs to a console account: a script or token may not save", async () => {
    expect(await refusal(save(SCRIPT, { name: "x" }))).toMatchObject({ status: 403, message: expect.stringContaining("needs a console account") });
  });

  it("deletes one's own, and lets an administrator delete another's shared one, each a Console event", async () => {
    const own = await save(AUDREY, { name: "mine" });
    const shared = await save(BOB, { name: "team view", shared: true });
    expect(await runAs(AUDREY, () => deleteSavedSearch({ id: own.id }, NOW))).toEqual({ name: "mine", tab: "logins" });
    expect(await runAs(ADA, () => deleteSavedSearch({ id: shared.id }, NOW))).toEqual({ name: "team view", tab: "logins" });
    const events = await eventsOf("SAVED_SEARCH_DELETE");
    expect(events.map((event) => [event.actorName, event.message])).toEqual([
      ["audrey", 'Saved search "mine" on the Logins tab deleted'],
      ["ada", 'Saved search "team view" on the Logins tab deleted (saved and shared by bob)'],
    ]);
    expect(await names(BOB)).toEqual([]);
  });

  it("refuses to delete another's search: private ones read as unknown, shared ones need an administrator", async () => {
    const bobs = await save(BOB, { name: "bob private" });
    const shared = await save(BOB, { name: "team view", shared: true });
    expect(await refusal(runAs(ADA, () => deleteSavedSearch({ id: bobs.id })))).toBeInstanceOf(UnknownSavedSearchError);
    expect(await refusal(runAs(AUDREY, () => deleteSavedSearch({ id: shared.id })))).toMatchObject({
      status: 403,
      message: expect.stringContaining(`Deleting bob's shared search "team view" needs the Administrator role`),
    });
    expect(await refusal(runAs(BOB, () => deleteSavedSearch({ id: 999_999 })))).toBeInstanceOf(UnknownSavedSearchError);
    expect(await refusal(runAs(BOB, () => deleteSavedSearch({ id: "1" })))).toMatchObject({ field: "id" });
    expect(await names(BOB)).toEqual(["bob private", "team view"]);
    expect(await eventsOf("SAVED_SEARCH_DELETE")).toEqual([]);
  });

  it("says why a saved search the tab can no longer read is broken, instead of failing the list", async () => {
    await state.db.prisma.savedSearch.create({
      data: { ownerId: 1, ownerName: "ada", tab: "logins", name: "old", query: "types=USER_LOGIN,LOGIN_FAILED&sort=ip.desc" },
    });
    const [old] = await runAs(ADA, () => listSavedSearches("logins"));
    expect(old?.problem).toBe(
      'Event Types: "LOGIN_FAILED" is not an event type of the Logins tab · Sort: "ip.desc" is not a sort of the Logins tab: use createdAt.asc, createdAt.desc, user.asc, user.desc, eventType.asc, eventType.desc',
    );
  });
});
