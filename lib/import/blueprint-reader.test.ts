import path from "node:path";
import { describe, expect, it } from "vitest";
import { readImport, readSummary } from "@/lib/test/read-import";
import { blueprintTime } from "./blueprint-reader";

const FIXTURE = path.join(import.meta.dirname, "fixtures/blueprint-audit.csv");
const HEADER = "DateTime,UserID,UserName,Scope,ProjectID,ProjectName,Area,Action,ObjectId,ObjectName,Attribute,NewValue,OldValue,Details";

describe("blueprint-csv", () => {
  it("makes one event of the lines of one change, each line one entry of its changes", async () => {
    const read = await readImport("blueprint-csv", FIXTURE);
    expect(readSummary(read)).toEqual({
      lines: 14,
      types: ["ARTIFACT_CREATE", "ARTIFACT_UPDATE", "ARTIFACT_CREATE", "ARTIFACT_PERMISSION_UPDATE", "USER_CREATE", "GROUP_ASSIGN", "USER_DISABLE"],
      skipped: { "Groups Edit": 1, "Users Edit (profile fields: no console event)": 1, "Instance Settings Edit": 1 },
      unreadable: 0,
    });
    const edit = read.events[1]!;
    expect(edit).toMatchObject({
      createdAt: "2013-05-23T14:52:10.000Z",
      actor: { id: "348", username: "jsmith" },
      project: { id: "74840", name: "OnlineBankingProject" },
      artifact: { id: "project:74840", name: "OnlineBankingProject", kind: "ARTIFACT" },
      details: { area: "Projects", action: "Edit", scope: "Project", objectId: "74840" },
    });
    expect(edit.changes).toEqual([
      { field: "Name", kind: "text", old: "OnlineBankingProject", new: "Online Banking" },
      { field: "Description", kind: "longtext", old: "Online banking, first release", new: "Customer-facing banking: accounts, transfers\nand statements" },
      { field: "Location", kind: "text", old: "/Blueprint", new: "/Blueprint/Finance" },
    ]);
  });

  it("reads users, their groups and roles as the Permissions tab's events", async () => {
    const { events } = await readImport("blueprint-csv", FIXTURE);
    const [, , type, role, create, assign, disable] = events;
    expect(type).toMatchObject({ artifact: { id: "artifact-type:912", name: "Business Rule" }, project: { id: "74840" }, details: { details: "PREFIX=BR" } });
    expect(role).toMatchObject({
      artifact: { id: "role:33", name: "Author" },
      changes: [{ field: "Permissions", old: "Read, Edit", new: "Read, Edit, Delete" }],
    });
    expect(create).toMatchObject({ targetUser: { id: "702", username: "mbrown" } });
    expect(create!.changes).toBeUndefined();
    expect(assign).toMatchObject({
      targetUser: { id: "702", username: "mbrown" },
      artifact: { id: "group:Reviewers", name: "Reviewers" },
      changes: [{ field: "Groups", kind: "list", old: ["Authors"], new: ["Authors", "Reviewers"] }],
    });
    expect(disable).toMatchObject({ targetUser: { id: "655", username: 'Łukasz "Luke" Nowak' }, actor: { username: "jsmith" } });
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
  });

  it("reads DateTime in --time-zone, across a daylight-saving change", async () => {
    expect(blueprintTime("05/23/2013 14:40:45", "UTC")).toBe("2013-05-23T14:40:45.000Z");
    expect(blueprintTime("05/23/2013 14:40:45", "Europe/Berlin")).toBe("2013-05-23T12:40:45.000Z");
    expect(blueprintTime("01/15/2013 14:40:45", "Europe/Berlin")).toBe("2013-01-15T13:40:45.000Z");
    expect(blueprintTime("3/5/2013 7:05:09", "America/New_York")).toBe("2013-03-05T12:05:09.000Z");
    expect(blueprintTime("2026-03-16T08:00:00.000+01:00", "UTC")).toBe("2026-03-16T08:00:00.000+01:00");
    for (const bad of ["02/30/2013 10:00:00", "13/01/2013 10:00:00", "05/23/2013 24:00:00", "2013-05-23 14:40:45", ""]) {
      expect(blueprintTime(bad, "UTC"), bad).toBeNull();
    }
    const { events } = await readImport("blueprint-csv", FIXTURE, "America/Los_Angeles");
    expect(events[0]!.createdAt).toBe("2013-05-23T21:41:02.000Z");
  });

  it("groups the lines of changes made in the same second even when they interleave", async () => {
    const text = [
      HEADER,
      "06/01/2013 10:00:00,348,jsmith,Instance,,,Roles,Edit,33,Author,Name,Writer,Author,",
      "06/01/2013 10:00:00,349,akim,Instance,,,Roles,Edit,34,Reviewer,Name,Checker,Reviewer,",
      "06/01/2013 10:00:00,348,jsmith,Instance,,,Roles,Edit,33,Author,Permissions,Read,None,",
    ].join("\n");
    const { events } = await readImport("blueprint-csv", { text });
    expect(events.map((event) => [event.actor.username, event.changes?.map((change) => change.field)])).toEqual([
      ["jsmith", ["Name", "Permissions"]],
      ["akim", ["Name"]],
    ]);
  });

  it("reports bad lines by number and goes on; stops at once for a file that is not Blueprint's", async () => {
    const text = [
      HEADER,
      "06/01/2013 10:00:00,348,jsmith,Instance,,,Projects,Delete,1,Old,,,,",
      "31/12/2013 10:00:00,348,jsmith,Instance,,,Projects,Delete,2,Older,,,,",
      "06/01/2013 10:00:01,348,jsmith,Instance,,,Projects,Delete,3",
      "06/01/2013 10:00:02,348,jsmith,Instance,,,Users,Edit,9,bob,Enabled,maybe,True,",
      "06/01/2013 10:00:03,348,jsmith,Instance,,,Projects,Delete,4,Oldest,,,,",
    ].join("\n");
    const { events, tally } = await readImport("blueprint-csv", { text });
    expect(events.map((event) => event.artifact?.name)).toEqual(["Old", "Oldest"]);
    // A change is settled at the end of its second: the reasons come in that order, the report sorts them.
    expect(tally.unreadable.map(({ line, reason }) => [line, reason]).sort()).toEqual([
      [3, 'DateTime "31/12/2013 10:00:00" is not MM/DD/YYYY HH:mm:ss'],
      [4, "has 9 fields where the header has 14"],
      [5, 'Enabled "maybe" is neither True nor False'],
    ]);
    await expect(readImport("blueprint-csv", { text: "when,who,what\n1,2,3" })).rejects.toThrow(
      /names no DateTime, UserID, UserName, Area, Action, ObjectId column/,
    );
  });
});
