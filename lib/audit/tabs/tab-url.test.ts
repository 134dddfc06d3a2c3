import { describe, expect, it } from "vitest";
import { artifactsTab } from "./artifacts/artifacts-tab";
import { loginsTab } from "./logins/logins-tab";
import { permissionsTab } from "./permissions/permissions-tab";
import { readTabUrl, serializeTabSearch } from "./tab-url";

const read = (query: string) => readTabUrl(loginsTab, new URLSearchParams(query));

describe("reading a tab's URL", () => {
  it("gives the defaults for an empty URL: Last 30 Days, page 1, 25 rows, newest first", () => {
    expect(read("")).toEqual({ values: loginsTab.defaultSearch, valid: loginsTab.defaultSearch, errors: {} });
  });

  it("reads every filter, as comma lists, repeated parameters or both", () => {
    const expected = {
      ...loginsTab.defaultSearch,
      users: [3, 12, 40],
      types: ["USER_LOGIN", "USER_SYSTEM_LOGOUT"],
      range: "Last_7_Days",
      page: 4,
      size: 100,
      sort: "user.asc",
    };
    expect(read("users=3,12&users=40&types=USER_LOGIN&types=USER_SYSTEM_LOGOUT&range=Last_7_Days&page=4&size=100&sort=user.asc").valid).toEqual(expected);
    expect(read("users=3&users=12,40,3&types=USER_LOGIN,USER_SYSTEM_LOGOUT&range=Last_7_Days&page=4&size=100&sort=user.asc").valid).toEqual(expected);
  });

  it("reads sources by name, console for the console's own events", () => {
    expect(read("sources=console,demo&sources=codebeamer-prod,demo").valid?.sources).toEqual(["console", "demo", "codebeamer-prod"]);
    // A name no source has is no error: it finds nothing, as an unknown id does.
    expect(read("sources=alm.eu_2").valid?.sources).toEqual(["alm.eu_2"]);
  });

  it("takes event types as the API spells them too", () => {
    expect(read("types=User_Login,User%20Logout").valid?.types).toEqual(["USER_LOGIN", "USER_LOGOUT"]);
  });

  it.each([
    ["types=NOPE", "types", '"NOPE" is not an event type of the Logins tab'],
    ["types=USER_LOGIN,WORK_ITEM_UPDATE,NOPE", "types", '"WORK_ITEM_UPDATE", "NOPE" are not event types of the Logins tab'],
    ["users=abc", "users", '"abc" is not a user id (a whole number from 1 to 2147483647)'],
    ["users=7,0", "users", '"0" is not a user id (a whole number from 1 to 2147483647)'],
    ["users=99999999999", "users", '"99999999999" is not a user id (a whole number from 1 to 2147483647)'],
    [
      "sources=demo,Demo",
      "sources",
      '"Demo" is not a source: use "console" for the Audit Console\'s own events, or a sending system\'s name (lower-case letters, digits, dots, dashes or underscores)',
    ],
    ["sources=-demo", "sources", /^"-demo" is not a source: /],
    ["range=Next_Week", "range", /^"Next_Week" is not a range: use Today, Yesterday, .*, or custom with from and to$/],
    ["range=Today&range=Yesterday", "range", 'is given 2 different values ("Today", "Yesterday"); give one'],
    ["range=custom&from=2026-02-30&to=2026-03-01", "range", 'from: "2026-02-30" is not a day (YYYY-MM-DD)'],
    ["range=custom&from=2026-01-01", "range", "choose the first and the last day"],
    ["range=custom&from=2024-01-01&to=2026-01-01", "range", "may not exceed one year"],
    ["page=0", "page", '"0" is not a page number (1 to 100,000)'],
    ["page=2.5", "page", '"2.5" is not a page number (1 to 100,000)'],
    ["size=30", "size", '"30" is not a page size: use 25, 50, 100'],
    ["sort=ip.desc", "sort", /^"ip.desc" is not a sort of the Logins tab: use createdAt.asc, createdAt.desc, user.asc/],
    ["after=yesterday", "after", "must be a position the pager wrote (a time and an event id)"],
    ["before=2026-01-01,5", "before", 'must be a position the pager wrote (a time and an event id), or "end"'],
  ])("refuses %s on its field, never widening the search", (query, field, message) => {
    const { valid, errors } = read(query);
    expect(valid).toBeNull();
    expect(errors[field]).toEqual(typeof message === "string" ? message : expect.stringMatching(message));
  });

  it("keeps the usable values for the form while it names the bad one", () => {
    const { values, errors } = read("users=7,x&sources=demo,DEMO&types=USER_LOGIN&range=Today");
    expect(errors).toEqual({ users: '"x" is not a user id (a whole number from 1 to 2147483647)', sources: expect.stringMatching(/^"DEMO" is not a source/) });
    expect(values).toMatchObject({ users: [7], sources: ["demo"], types: ["USER_LOGIN"], range: "Today" });
  });

  it("refuses more than 100 ids without keeping them, so no lookup runs on them", () => {
    const ids = Array.from({ length: 101 }, (_, index) => index + 1).join(",");
    const { values, errors } = read(`users=${ids}`);
    expect(errors.users).toBe("101 chosen; choose at most 100");
    expect(values.users).toEqual([]);
  });

  it("drops duplicates, and the days that come with a preset", () => {
    expect(read("users=7,7&types=USER_LOGIN,USER_LOGIN").valid).toMatchObject({ users: [7], types: ["USER_LOGIN"] });
    expect(read("range=Today&from=2026-01-01&to=2026-01-02").valid).toMatchObject({ range: "Today", from: null, to: null });
  });

  it("reads the object Next.js passes as searchParams", () => {
    expect(readTabUrl(loginsTab, { users: ["5", "6"], size: "50", other: "ignored" }).valid).toMatchObject({ users: [5, 6], size: 50 });
  });

  it("reads each tab's own fields, and only its own event types", () => {
    expect(readTabUrl(artifactsTab, new URLSearchParams("projects=3,3&trackers=9&types=WORK_ITEM_UPDATE&sort=workItem.asc")).valid).toEqual({
      ...artifactsTab.defaultSearch,
      projects: [3],
      trackers: [9],
      types: ["WORK_ITEM_UPDATE"],
      sort: "workItem.asc",
    });
    expect(readTabUrl(permissionsTab, new URLSearchParams("targetUsers=12&sort=workItem.asc")).errors).toEqual({
      sort: expect.stringMatching(/^"workItem.asc" is not a sort of the Permissions tab/),
    });
    expect(readTabUrl(permissionsTab, new URLSearchParams("types=WORK_ITEM_UPDATE")).errors.types).toBe(
      '"WORK_ITEM_UPDATE" is not an event type of the Permissions tab',
    );
  });
});

describe("writing a tab's URL", () => {
  it("leaves defaults out but always writes the range", () => {
    expect(serializeTabSearch(loginsTab, loginsTab.defaultSearch)).toBe("?range=Last_30_Days");
  });

  it("writes a search that reads back as it was", () => {
    const search = {
      ...permissionsTab.defaultSearch,
      users: [1, 2],
      targetUsers: [5],
      projects: [2],
      trackers: [8],
      sources: ["console", "codebeamer-prod"],
      types: ["GROUP_ASSIGN" as const],
      range: "custom" as const,
      from: "2026-01-01",
      to: "2026-01-31",
      page: 3,
    };
    const query = serializeTabSearch(permissionsTab, search);
    expect(query).toBe(
      "?users=1,2&targetUsers=5&projects=2&trackers=8&sources=console,codebeamer-prod&types=GROUP_ASSIGN&range=custom&from=2026-01-01&to=2026-01-31&page=3",
    );
    expect(readTabUrl(permissionsTab, new URLSearchParams(query.slice(1))).valid).toEqual(search);
  });
});
