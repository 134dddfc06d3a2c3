import { describe, expect, it } from "vitest";
import { summarizeChanges } from "./change-summary";
import { changeListSchema, type FieldChange } from "../events/changes";

const change = (input: Partial<FieldChange> & { field: string }): FieldChange => changeListSchema.parse([input])[0];

describe("change summaries for timelines", () => {
  const summary = (changes: Array<Partial<FieldChange> & { field: string }>, mode: "create" | "update" | "delete") =>
    summarizeChanges(changes.map(change), mode);

  it("says each field's change in one line", () => {
    expect(
      summary(
        [
          { field: "Status", kind: "enum", old: "New", new: "In Progress" },
          { field: "Assignee", kind: "user", old: null, new: { id: 2, name: "Zoë" } },
          { field: "Labels", kind: "list", old: ["ui"], new: ["safety"] },
          { field: "Description", kind: "longtext", old: "The pump shall stop.", new: "The pump must stop at once." },
          { field: "Permissions", kind: "access", old: { Developer: "Read", Tester: "Read" }, new: { Developer: "Admin", Tester: "Read" } },
        ],
        "update",
      ),
    ).toEqual([
      { field: "Status", text: "New → In Progress" },
      { field: "Assignee", text: "None → Zoë" },
      { field: "Labels", text: "−ui, +safety" },
      { field: "Description", text: "1 word removed, 3 added" },
      { field: "Permissions", text: "Developer: Read → Admin" },
    ]);
  });

  it("gives a create's initial and a delete's last values, shortened", () => {
    const long = "word ".repeat(30).trim();
    expect(summary([{ field: "Description", kind: "longtext", old: null, new: long }], "create")[0].text).toHaveLength(60);
    expect(summary([{ field: "Status", kind: "enum", old: "Closed", new: null }], "delete")).toEqual([{ field: "Status", text: "Closed" }]);
    expect(summary([{ field: "Permissions", kind: "access", old: null, new: { A: "Read", B: "None" } }], "create")).toEqual([
      { field: "Permissions", text: "set for 2 roles and groups" },
    ]);
  });
});
