import { describe, expect, it } from "vitest";
import type { UserRef } from "@/lib/audit/events/user-refs";
import { parseCsv } from "@/lib/test/parse-csv";
import { BLUEPRINT_HEADERS, blueprintLines, jsonLineObject } from "./export-columns";
import { EXPORT_COLUMNS } from "./export-tabs";
import { changesText, type ExportEvent, SHORT_CHANGE } from "./export-event";

const user = (id: number, username: string, enabled = true): UserRef => ({
  id,
  name: username,
  username,
  displayName: username.toUpperCase(),
  avatarUrl: null,
  enabled,
  exists: true,
});

const BASE: ExportEvent = {
  id: "41",
  eventType: "USER_LOGIN",
  label: "User Login",
  category: "LOGIN",
  categoryLabel: "Login",
  createdAt: new Date("2026-11-23T08:15:02.123Z"),
  actor: user(7, "zoe"),
  targetUser: null,
  project: null,
  tracker: null,
  artifact: null,
  message: null,
  changedFields: [],
  changes: [],
  ip: "10.0.0.1",
  userAgent: "Firefox",
  source: null,
};

const UPDATE: ExportEvent = {
  ...BASE,
  id: "42",
  eventType: "WORK_ITEM_UPDATE",
  label: "Work Item Update",
  category: "WORK_ITEM",
  categoryLabel: "Work Item",
  actor: user(8, "lukasz", false),
  project: { id: 3, name: "Infusion Pump" },
  tracker: { id: 4, name: "Bugs" },
  artifact: { id: 99, name: "=Alarm late", kind: "WORK_ITEM" },
  changes: [
    { field: "Status", kind: "enum", old: "New", new: "In Progress" },
    { field: "Reviewers", kind: "list", old: ["bob"], new: ["bob", "carol"] },
  ],
  changedFields: ["Status", "Reviewers"],
  source: "codebeamer-prod",
};

const GROUP_ASSIGN: ExportEvent = {
  ...BASE,
  id: "43",
  eventType: "GROUP_ASSIGN",
  label: "Group Assign",
  category: "PERMISSION",
  categoryLabel: "Permission",
  targetUser: user(9, "carol"),
  artifact: { id: null, name: "Developers", kind: null },
  message: "Impacted User: carol (Enabled)",
};

const row = (tab: keyof typeof EXPORT_COLUMNS, event: ExportEvent) =>
  Object.fromEntries(EXPORT_COLUMNS[tab].map((column) => [column.header, column.value(event)]));

describe("export columns per tab", () => {
  it("logins: time, user, name, status, type, address, agent, source, id", () => {
    expect(row("logins", BASE)).toEqual({
      "Created at": BASE.createdAt,
      User: "zoe",
      Name: "ZOE",
      "User status": "Enabled",
      "Event Type": "User Login",
      "IP address": "10.0.0.1",
      "User agent": "Firefox",
      Source: "Audit Console",
      "Event ID": "41",
    });
  });

  it("artifacts: a work item in the Work Item column, changes summarised, a disabled user marked", () => {
    expect(row("artifacts", UPDATE)).toMatchObject({
      User: "lukasz",
      "User status": "Disabled",
      Artifact: "",
      "Work Item": "=Alarm late",
      Project: "Infusion Pump",
      Tracker: "Bugs",
      Changes: "Status: New → In Progress; Reviewers: +carol",
      Source: "codebeamer-prod",
    });
    const userColumn = EXPORT_COLUMNS.artifacts.find((column) => column.header === "User");
    expect(userColumn?.user?.(UPDATE)?.enabled).toBe(false);
  });

  it("permissions: target user and the reference's Message", () => {
    expect(row("permissions", GROUP_ASSIGN)).toMatchObject({ Artifact: "Developers", "Target user": "carol", Message: "Impacted User: carol (Enabled)" });
  });

  it("prints short changes in full, long texts as word counts, changed roles only, a create's initial values", () => {
    const description = { field: "Description", kind: "longtext" as const, old: "The pump stops at once", new: "The pump stops within 2 s\nat once" };
    const longText = (words: number) => Array.from({ length: words }, (_, index) => `word${index}`).join(" ");
    const long = { field: "Description", kind: "longtext" as const, old: longText(60), new: `${longText(56)} extra` };
    const permissions = {
      field: "Permissions",
      kind: "access" as const,
      old: { Developer: "Read", Tester: "Read" },
      new: { Developer: "Read", Tester: "None" },
    };
    expect(changesText({ eventType: "WORK_ITEM_UPDATE", changes: [description] })).toBe(
      "Description: The pump stops at once → The pump stops within 2 s at once",
    );
    expect(long.old.length).toBeGreaterThan(SHORT_CHANGE);
    expect(changesText({ eventType: "WORK_ITEM_UPDATE", changes: [long] })).toBe("Description: 4 words removed, 1 added");
    expect(changesText({ eventType: "ARTIFACT_PERMISSION_UPDATE", changes: [permissions] })).toBe("Permissions: Tester: Read → None");
    expect(changesText({ eventType: "WORK_ITEM_CREATE", changes: [{ field: "Status", kind: "enum", old: null, new: "New" }] })).toBe("Status: New");
    expect(changesText({ eventType: "WORK_ITEM_UPDATE", changes: [{ field: "Owner", kind: "text", old: null, new: "bob" }] })).toBe("Owner: None → bob");
  });

  it("Excel's Old values and New values: every changed field's whole value, nothing in the PDF", () => {
    const text = "x".repeat(40_000);
    const event = { ...UPDATE, changes: [...UPDATE.changes, { field: "Description", kind: "longtext" as const, old: null, new: text }] };
    const values = row("artifacts", event);
    expect(values["Old values"]).toBe("Status: New\n\nReviewers: bob");
    expect(values["New values"]).toBe(`Status: In Progress\n\nReviewers: bob, carol\n\nDescription: ${text}`);
    const pdf = EXPORT_COLUMNS.artifacts.filter((column) => column.pdf !== false).map((column) => column.header);
    expect(pdf).not.toContain("Old values");
    expect(pdf).toContain("Event ID");
  });
});

/** The event's CSV lines, each ended by CRLF, read back as records. */
function blueprintRecords(event: ExportEvent, timeZone: string): string[][] {
  const lines = blueprintLines(event, timeZone);
  for (const line of lines) expect(line.endsWith("\r\n")).toBe(true);
  return parseCsv(lines.join(""));
}

describe("Blueprint CSV lines", () => {
  it("one line per changed field, in Blueprint's column order, guarded against formulas", () => {
    const records = blueprintRecords(UPDATE, "Europe/Berlin");
    expect(records).toHaveLength(2);
    expect(records[0].slice(10, 13)).toEqual(["Status", "In Progress", "New"]);
    expect(Object.fromEntries(BLUEPRINT_HEADERS.map((header, index) => [header, records[1][index]]))).toEqual({
      DateTime: "2026-11-23T09:15:02.123+01:00",
      UserID: "8",
      UserName: "lukasz",
      Scope: "Project",
      ProjectID: "3",
      ProjectName: "Infusion Pump",
      Area: "Work Item",
      Action: "Work Item Update",
      ObjectId: "99",
      ObjectName: "'=Alarm late",
      Attribute: "Reviewers",
      NewValue: "bob, carol",
      OldValue: "bob",
      Details: "EVENT_ID=42 SOURCE=codebeamer-prod TRACKER=Bugs USER_STATUS=Disabled IP=10.0.0.1",
    });
  });

  it("one line with a blank Attribute for an event without changes; the instance scope without a project", () => {
    const records = blueprintRecords(BASE, "UTC");
    expect(records).toHaveLength(1);
    expect(records[0]).toHaveLength(BLUEPRINT_HEADERS.length);
    expect(records[0].slice(0, 4)).toEqual(["2026-11-23T08:15:02.123Z", "7", "zoe", "Instance"]);
    expect(records[0].slice(10, 13)).toEqual(["", "", ""]);
    // The console's own event: its source as the filters spell it.
    expect(records[0][13]).toBe("EVENT_ID=41 SOURCE=console USER_STATUS=Enabled IP=10.0.0.1");
  });

  it("JSON lines carry the offset and the whole change list", () => {
    expect(jsonLineObject(UPDATE, "Asia/Tokyo")).toMatchObject({
      id: "42",
      createdAt: "2026-11-23T17:15:02.123+09:00",
      changes: UPDATE.changes,
      user: { username: "lukasz", enabled: false },
      source: "codebeamer-prod",
    });
    expect(jsonLineObject(BASE, "UTC").source).toBeNull();
  });
});
