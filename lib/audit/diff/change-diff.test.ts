import { describe, expect, it } from "vitest";
import { buildChangeDiff, diffModeOf, displayValue, fieldDiff, sideParts, wordParts, type FieldDiff } from "./change-diff";
import { changeListSchema, parseChanges, type FieldChange } from "../events/changes";

const change = (input: Partial<FieldChange> & { field: string }): FieldChange => changeListSchema.parse([input])[0];
const update = (input: Partial<FieldChange> & { field: string }): FieldDiff => fieldDiff(change(input), "update");

describe("the change-set schema", () => {
  it("reads every kind of value, with text and null as defaults", () => {
    expect(
      parseChanges([
        { field: "Summary", old: "Pump stops", new: "Pump stops on cold start" },
        { field: "Story Points", kind: "number", old: 3, new: 5 },
        { field: "Assignee", kind: "user", old: null, new: { id: 7, name: "Zoë Müller" } },
        { field: "Labels", kind: "list", old: ["ui"], new: ["ui", "safety"] },
        { field: "Permissions", kind: "access", old: { Developer: "Read" }, new: { Developer: "Admin" } },
        { field: "Mandatory", kind: "boolean", old: false, new: true },
      ]),
    ).toEqual({
      invalid: false,
      changes: [
        { field: "Summary", kind: "text", old: "Pump stops", new: "Pump stops on cold start" },
        { field: "Story Points", kind: "number", old: 3, new: 5 },
        { field: "Assignee", kind: "user", old: null, new: { id: 7, name: "Zoë Müller" } },
        { field: "Labels", kind: "list", old: ["ui"], new: ["ui", "safety"] },
        { field: "Permissions", kind: "access", old: { Developer: "Read" }, new: { Developer: "Admin" } },
        { field: "Mandatory", kind: "boolean", old: false, new: true },
      ],
    });
    expect(parseChanges([{ field: "Status" }]).changes).toEqual([{ field: "Status", kind: "text", old: null, new: null }]);
  });

  it("reads nothing as no changes, and a malformed list as invalid", () => {
    expect(parseChanges(null)).toEqual({ changes: [], invalid: false });
    expect(parseChanges([{ old: 1 }])).toEqual({ changes: [], invalid: true });
    expect(parseChanges({ field: "Status" })).toEqual({ changes: [], invalid: true });
    expect(parseChanges([{ field: "Status", kind: "colour" }]).invalid).toBe(true);
  });
});

describe("diff building", () => {
  it("tells creates, deletes and updates apart by event type", () => {
    expect(diffModeOf("WORK_ITEM_CREATE")).toBe("create");
    expect(diffModeOf("ARTIFACT_PERMISSION_DELETE")).toBe("delete");
    expect(diffModeOf("WORK_ITEM_UPDATE")).toBe("update");
    expect(diffModeOf("ARTIFACT_RESTORE")).toBe("update");
  });

  it("shows text and enum values before and after", () => {
    expect(update({ field: "Status", kind: "enum", old: "New", new: "In Progress" })).toEqual({
      shape: "value",
      field: "Status",
      kind: "enum",
      status: "changed",
      before: { type: "text", text: "New" },
      after: { type: "text", text: "In Progress" },
    });
  });

  it("shows numbers, booleans and dates as text", () => {
    expect(update({ field: "Story Points", kind: "number", old: 3, new: 0 })).toMatchObject({
      status: "changed",
      before: { type: "text", text: "3" },
      after: { type: "text", text: "0" },
    });
    expect(update({ field: "Hidden", kind: "boolean", old: true, new: false })).toMatchObject({
      before: { type: "text", text: "Yes" },
      after: { type: "text", text: "No" },
    });
    expect(update({ field: "Due Date", kind: "date", old: "2026-03-01", new: "2026-03-15" }).after).toEqual({ type: "text", text: "2026-03-15" });
  });

  it("shows users by name and collects their ids for the view", () => {
    const diff = buildChangeDiff(
      [
        change({ field: "Assignee", kind: "user", old: { id: 4, name: "Łukasz Żółć" }, new: { id: 9, name: "山田 太郎" } }),
        change({ field: "Owner", kind: "user", old: { id: 9, name: "山田 太郎" }, new: { id: null, name: "a deleted user" } }),
      ],
      "update",
    );
    expect(diff.fields[0]).toMatchObject({
      shape: "value",
      before: { type: "user", id: 4, name: "Łukasz Żółć" },
      after: { type: "user", id: 9, name: "山田 太郎" },
    });
    expect(diff.userIds).toEqual([4, 9]);
  });

  it("marks empty and none values: set, cleared, unchanged", () => {
    expect(update({ field: "Assignee", kind: "user", old: null, new: { id: 1, name: "Ada" } }).status).toBe("set");
    expect(update({ field: "Due Date", kind: "date", old: "2026-03-01", new: null }).status).toBe("cleared");
    expect(update({ field: "Summary", old: "  ", new: "Alarm" })).toMatchObject({ status: "set", before: { type: "none" } });
    expect(update({ field: "Labels", kind: "list", old: [], new: null })).toMatchObject({
      status: "unchanged",
      before: { type: "none" },
      after: { type: "none" },
    });
    expect(displayValue({})).toEqual({ type: "none" });
    expect(displayValue("")).toEqual({ type: "none" });
  });

  it("compares lists item by item", () => {
    expect(update({ field: "Labels", kind: "list", old: ["safety", "ui"], new: ["safety", "firmware"] })).toMatchObject({
      shape: "list",
      status: "changed",
      items: [
        { value: "safety", change: "same" },
        { value: "ui", change: "removed" },
        { value: "firmware", change: "added" },
      ],
    });
    expect(update({ field: "Labels", kind: "list", old: null, new: ["ui"] })).toMatchObject({ status: "set", items: [{ value: "ui", change: "added" }] });
  });

  it("compares long text word by word", () => {
    const diff = update({
      field: "Description",
      kind: "longtext",
      old: "The pump shall raise an alarm within 5 seconds.",
      new: "The pump must raise an alarm within 10 seconds under full load.",
    });
    if (diff.shape !== "words") throw new Error("expected a word diff");
    const marked = diff.parts.filter((part) => part.change !== "same").map((part) => [part.change, part.text.trim()]);
    expect(marked).toEqual([
      ["removed", "shall"],
      ["added", "must"],
      ["removed", "5"],
      ["added", "10"],
      ["added", "under full load"],
    ]);
    expect(diff.beforeParts).toEqual([
      { text: "The pump ", change: "same" },
      { text: "shall", change: "removed" },
      { text: " raise an alarm within ", change: "same" },
      { text: "5", change: "removed" },
      { text: " seconds.", change: "same" },
    ]);
    expect(diff.afterParts.map((part) => part.text).join("")).toBe("The pump must raise an alarm within 10 seconds under full load.");
    expect(diff.afterParts.filter((part) => part.change === "added").map((part) => part.text)).toEqual(["must", "10", "under full load"]);
  });

  it("keeps each side's own spacing and line breaks", () => {
    const before = "First line.\n\nSecond  line, twice spaced.";
    const after = "First line.\n\nSecond line, twice spaced and more.";
    const parts = wordParts(before, after);
    expect(
      sideParts(before, parts, "before")
        .map((part) => part.text)
        .join(""),
    ).toBe(before);
    expect(
      sideParts(after, parts, "after")
        .map((part) => part.text)
        .join(""),
    ).toBe(after);
  });

  it("marks a whole long text added or removed when one side is empty", () => {
    expect(wordParts("", "New text")).toEqual([{ text: "New text", change: "added" }]);
    expect(wordParts("Old text", "")).toEqual([{ text: "Old text", change: "removed" }]);
    expect(wordParts("Same", "Same")).toEqual([{ text: "Same", change: "same" }]);
    expect(wordParts("", "")).toEqual([]);
  });

  it("shows a create's initial values and a delete's last ones, without word runs", () => {
    const created = buildChangeDiff([change({ field: "Description", kind: "longtext", old: null, new: "First words" })], "create");
    expect(created.fields[0]).toMatchObject({
      shape: "words",
      status: "set",
      after: { type: "text", text: "First words" },
      parts: [],
      beforeParts: [],
      afterParts: [],
    });
    const deleted = buildChangeDiff([change({ field: "Status", kind: "enum", old: "Closed", new: null })], "delete");
    expect(deleted).toMatchObject({ mode: "delete", fields: [{ status: "cleared", before: { type: "text", text: "Closed" } }] });
  });

  it("lays out access as roles and groups (by name) before and after, marking what changed", () => {
    const diff = update({
      field: "Permissions",
      kind: "access",
      old: { "Project Admin": "Admin", Developer: "Read", Contractors: "Read" },
      new: { "Project Admin": "Admin", Developer: "Read & Write", Tester: "Read" },
    });
    expect(diff).toMatchObject({
      shape: "access",
      status: "changed",
      rows: [
        { key: "Contractors", before: "Read", after: null, change: "removed" },
        { key: "Developer", before: "Read", after: "Read & Write", change: "changed" },
        { key: "Project Admin", before: "Admin", after: "Admin", change: "same" },
        { key: "Tester", before: null, after: "Read", change: "added" },
      ],
    });
    expect(update({ field: "Permissions", kind: "access", old: null, new: { Developer: "None" } })).toMatchObject({
      status: "set",
      rows: [{ key: "Developer", before: null, after: "None", change: "added" }],
    });
  });

  it("falls back to plain values when a value does not fit its kind", () => {
    expect(update({ field: "Description", kind: "longtext", old: 3, new: 4 }).shape).toBe("value");
    expect(update({ field: "Labels", kind: "list", old: "ui", new: "safety" }).shape).toBe("value");
    expect(update({ field: "Permissions", kind: "access", old: "Read", new: "Admin" }).shape).toBe("value");
  });
});
