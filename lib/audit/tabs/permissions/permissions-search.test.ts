import { describe, expect, it, vi } from "vitest";
import { AuthError } from "@/lib/auth/guard";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { testDatabases } from "@/lib/test/databases";
import { useTabFixture } from "@/lib/test/tab-fixture-hooks";
import { eventMessage, messageText } from "../../events/message";
import { NOW } from "@/lib/test/tab-fixture";
import type { EventRow } from "../../events/event-rows";
import { searchTabEvents } from "../../search/tab-search";
import { permissionsTab } from "./permissions-tab";

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

const ADMIN: Principal = { userId: 1, username: "admin", displayName: "Admin", role: "ADMIN", sessionId: null };

// Newest first; each pair side by side, its group event (1 ms later, or the later id) first.
const LAST_30_DAYS = ["perm-update", "perm-create", "create-assign", "create", "disable-remove", "disable", "tie-assign", "tie-create"];

describe.each(testDatabases())("the Permissions tab's search on $name", ({ open }) => {
  const fixture = useTabFixture(open);

  const search = (overrides: Partial<typeof permissionsTab.defaultSearch>) =>
    runAs(ADMIN, () => searchTabEvents(permissionsTab, { ...permissionsTab.defaultSearch, ...overrides }, { timeZone: "UTC", now: NOW }));
  const keys = async (overrides: Partial<typeof permissionsTab.defaultSearch>) => (await search(overrides)).rows.map((row) => fixture.ids.keys.get(row.id));

  it("lists the last 30 days' permission events newest first, pairs side by side", async () => {
    const result = await search({});
    expect(result.rows.map((row) => fixture.ids.keys.get(row.id))).toEqual(LAST_30_DAYS);
    expect(result.total).toBe(8);
  });

  it("shows the pairs in time order oldest first, User Create before its Group Assign even at the same instant", async () => {
    expect(await keys({ sort: "createdAt.asc" })).toEqual([...LAST_30_DAYS].reverse());
  });

  it("filters by users and by target users", async () => {
    expect(await keys({ users: [fixture.ids.users.alice] })).toEqual(["perm-update"]);
    expect(await keys({ targetUsers: [fixture.ids.users.bob] })).toEqual(["disable-remove", "disable"]);
    expect(await keys({ targetUsers: [fixture.ids.users.carol, fixture.ids.users.alice], types: ["GROUP_ASSIGN"] })).toEqual(["create-assign", "tie-assign"]);
  });

  it("filters by projects and trackers", async () => {
    expect(await keys({ projects: [fixture.ids.projects.brake] })).toEqual(["perm-create"]);
    expect(await keys({ trackers: [fixture.ids.trackers.pumpBugs] })).toEqual(["perm-update"]);
    expect(await keys({ projects: [fixture.ids.projects.brake], trackers: [fixture.ids.trackers.pumpBugs] })).toEqual([]);
  });

  it("filters by event types and ranges", async () => {
    expect(await keys({ types: ["USER_CREATE", "USER_DISABLE"] })).toEqual(["create", "disable", "tie-create"]);
    expect(await keys({ range: "custom", from: "2026-03-12", to: "2026-03-12" })).toEqual(["disable-remove", "disable"]);
    expect(await keys({ range: "Today" })).toEqual([]);
  });

  it("writes the Message by the rules", async () => {
    const rows = (await search({})).rows;
    const row = (key: string) => rows.find((candidate) => fixture.ids.keys.get(candidate.id) === key) as EventRow;
    const message = (key: string) => eventMessage(row(key));
    expect(message("perm-update")).toEqual({ kind: "changes", fields: ["Permissions"] });
    expect(message("disable-remove")).toMatchObject({ kind: "impacted", status: "Disabled", user: { id: fixture.ids.users.bob, enabled: false } });
    expect(messageText(message("create-assign"))).toBe("Impacted User: carol (Enabled)");
    expect(message("create")).toEqual({ kind: "blank" });
    expect(message("disable")).toEqual({ kind: "blank" });
    expect(row("perm-update")).toMatchObject({
      artifact: { id: null, name: "Bugs tracker permissions", kind: null },
      project: { id: fixture.ids.projects.pump, name: "Infusion Pump" },
      actor: { displayName: "Alice Zoë" },
    });
    expect(row("create-assign")).toMatchObject({ artifact: { name: "Testers" }, project: null, targetUser: { displayName: "山田 Carol" } });
  });

  it("refuses callers without a principal", async () => {
    await expect(searchTabEvents(permissionsTab, permissionsTab.defaultSearch)).rejects.toBeInstanceOf(AuthError);
  });
});
