import { describe, expect, it } from "vitest";
import { createSerializer } from "nuqs/server";
import { DEFAULT_ARTIFACT_SEARCH } from "./artifacts-filters";
import { DEFAULT_LOGIN_SEARCH, loginSearchSchema } from "./logins-filters";
import { DEFAULT_PERMISSION_SEARCH } from "./permissions-filters";
import {
  loadArtifactSearch,
  loadLoginSearch,
  loadPermissionSearch,
  loginSearchParsers,
  serializeArtifactSearch,
  serializePermissionSearch,
} from "./search-params";

const load = (query: string) => loadLoginSearch(new URLSearchParams(query));

describe("loadLoginSearch", () => {
  it("gives the defaults for an empty URL: Last 30 Days, page 1, 25 rows, newest first", async () => {
    expect(await load("")).toEqual(DEFAULT_LOGIN_SEARCH);
  });

  it("reads every filter", async () => {
    expect(await load("users=3,12&types=USER_LOGIN,USER_SYSTEM_LOGOUT&range=Last_7_Days&page=4&size=100&sort=user.asc")).toEqual({
      users: [3, 12],
      types: ["USER_LOGIN", "USER_SYSTEM_LOGOUT"],
      range: "Last_7_Days",
      from: null,
      to: null,
      page: 4,
      size: 100,
      sort: "user.asc",
    });
  });

  it("falls back to defaults for bad values", async () => {
    expect(await load("page=0&size=30&sort=ip.desc&range=Next_Week")).toEqual(DEFAULT_LOGIN_SEARCH);
    expect((await load("page=-2")).page).toBe(1);
    expect((await load("page=2.5")).page).toBe(1);
    expect((await load("page=abc")).page).toBe(1);
  });

  it("drops bad and duplicate items of lists", async () => {
    const search = await load("users=7,x,-1,0,7,99999999999&types=USER_LOGIN,WORK_ITEM_UPDATE,nope,USER_LOGIN");
    expect(search.users).toEqual([7]);
    // Types of other tabs are not Logins filters.
    expect(search.types).toEqual(["USER_LOGIN"]);
  });

  it("keeps a complete custom range as written, even when it is refused later", async () => {
    const search = await load("range=custom&from=2024-01-01&to=2026-01-01");
    expect(search).toMatchObject({ range: "custom", from: "2024-01-01", to: "2026-01-01" });
    const parsed = loginSearchSchema.safeParse(search);
    expect(parsed.success).toBe(false);
  });

  it("falls back to the default preset for an incomplete custom range", async () => {
    expect(await load("range=custom&from=2026-01-01")).toMatchObject({ range: "Last_30_Days", from: null, to: null });
    expect(await load("range=custom&from=2026-01-01&to=2026-02-31")).toMatchObject({ range: "Last_30_Days", from: null, to: null });
  });

  it("ignores days that come with a preset", async () => {
    expect(await load("range=Today&from=2026-01-01&to=2026-01-02")).toMatchObject({ range: "Today", from: null, to: null });
  });

  it("accepts the promise Next.js passes as searchParams", async () => {
    expect((await loadLoginSearch(Promise.resolve({ users: "5", size: "50" }))).users).toEqual([5]);
  });
});

describe("loginSearchParsers as the client writes them", () => {
  const serialize = createSerializer(loginSearchParsers);

  it("leaves defaults out of the URL but always writes the range", () => {
    expect(serialize({ ...DEFAULT_LOGIN_SEARCH })).toBe("?range=Last_30_Days");
  });

  it("round-trips a search", async () => {
    const search = { ...DEFAULT_LOGIN_SEARCH, users: [1, 2], types: ["USER_LOGOUT" as const], range: "custom" as const, from: "2026-01-01", to: "2026-01-31", page: 3 };
    const query = serialize(search);
    expect(query).toBe("?users=1,2&types=USER_LOGOUT&range=custom&from=2026-01-01&to=2026-01-31&page=3");
    expect(await load(query.slice(1))).toEqual(search);
  });
});

describe("the Artifacts and Permissions URLs", () => {
  it("read their own lists, dropping duplicates, bad ids and other tabs' types", async () => {
    const artifacts = await loadArtifactSearch(new URLSearchParams("projects=3,3,x&trackers=9,0&types=WORK_ITEM_UPDATE,USER_LOGIN&sort=workItem.asc"));
    expect(artifacts).toEqual({ ...DEFAULT_ARTIFACT_SEARCH, projects: [3], trackers: [9], types: ["WORK_ITEM_UPDATE"], sort: "workItem.asc" });
    const permissions = await loadPermissionSearch(new URLSearchParams("targetUsers=12,12&users=4&types=GROUP_ASSIGN,WORK_ITEM_UPDATE"));
    expect(permissions).toEqual({ ...DEFAULT_PERMISSION_SEARCH, users: [4], targetUsers: [12], types: ["GROUP_ASSIGN"] });
  });

  it("give the defaults for an empty URL, and write a search back as it was read", async () => {
    expect(await loadArtifactSearch(new URLSearchParams(""))).toEqual(DEFAULT_ARTIFACT_SEARCH);
    expect(await loadPermissionSearch(new URLSearchParams(""))).toEqual(DEFAULT_PERMISSION_SEARCH);
    const search = { ...DEFAULT_PERMISSION_SEARCH, targetUsers: [5], projects: [2], trackers: [8], page: 3 };
    expect(await loadPermissionSearch(new URLSearchParams(serializePermissionSearch(search).slice(1)))).toEqual(search);
    const artifactSearch = { ...DEFAULT_ARTIFACT_SEARCH, projects: [2, 4], types: ["ARTIFACT_REMOVE" as const] };
    expect(await loadArtifactSearch(new URLSearchParams(serializeArtifactSearch(artifactSearch).slice(1)))).toEqual(artifactSearch);
  });
});
