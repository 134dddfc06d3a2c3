import ExcelJS from "exceljs";
import { describe, expect, it, vi } from "vitest";
import { searchTabEvents } from "@/lib/audit/search/tab-search";
import { artifactsTab } from "@/lib/audit/tabs/artifacts/artifacts-tab";
import { FilterValidationError } from "@/lib/audit/search/filter-schema";
import { NOW } from "@/lib/test/tab-fixture";
import { AuthError } from "@/lib/auth/guard";
import { runAs } from "@/lib/auth/principal-context";
import { testDatabases } from "@/lib/test/databases";
import { bytesOf } from "@/lib/test/export-bytes";
import { parseCsv } from "@/lib/test/parse-csv";
import { zipEntryText } from "@/lib/test/zip-entry";
import { AUDITOR, useTabFixture } from "@/lib/test/tab-fixture-hooks";
import { BLUEPRINT_HEADERS } from "./export-columns";
import type { ExportFormat } from "./export-formats";
import type { SearchTabId } from "@/lib/audit/tabs/search-tabs";
import { planExport } from "./run-export";

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

describe.each(testDatabases())("exports on $name", ({ open }) => {
  const fixture = useTabFixture(open);

  const exportOf = async (tab: SearchTabId, format: ExportFormat, query = "", batchSize = 3) =>
    runAs(AUDITOR, async () => {
      const plan = await planExport(tab, format, new URLSearchParams(query), { timeZone: "Europe/Berlin", now: NOW, batchSize });
      const prepared = await plan.prepare();
      return { plan, bytes: await bytesOf(prepared.chunks()) };
    });

  it("refuses without a reader, and names a bad filter", async () => {
    await expect(planExport("logins", "csv", new URLSearchParams(), { timeZone: "UTC", now: NOW })).rejects.toBeInstanceOf(AuthError);
    const refused = runAs(AUDITOR, () =>
      planExport("logins", "csv", new URLSearchParams("range=custom&from=2024-01-01&to=2026-01-01"), { timeZone: "UTC", now: NOW }),
    );
    await expect(refused).rejects.toBeInstanceOf(FilterValidationError);
    await expect(refused).rejects.toMatchObject({ field: "range", message: "Login range: may not exceed one year" });
  });

  it("writes Blueprint CSV with a BOM, one line per changed field, in the tab's order", async () => {
    const { plan, bytes } = await exportOf("artifacts", "csv");
    expect(plan.rows).toBe(8);
    const text = bytes.toString("utf8");
    expect(text.startsWith("\uFEFFDateTime,UserID,UserName,Scope,")).toBe(true);
    const [header, ...records] = parseCsv(text.slice(1));
    expect(header).toEqual([...BLUEPRINT_HEADERS]);
    // 8 events: alarm-create and alarm-update changed 2 fields each, 3 others had none.
    expect(records).toHaveLength(10);
    const byAttribute = records.filter((record) => record[10] === "Status");
    expect(byAttribute.map((record) => [record[7], record[11], record[12]])).toEqual([
      ["Work Item Delete", "", "In Progress"],
      ["Work Item Update", "In Progress", "New"],
    ]);
    const first = records[0];
    expect(first.slice(0, 11)).toEqual([
      "2026-03-16T08:00:00.000+01:00",
      String(fixture.ids.users.bob),
      "bob",
      "Project",
      String(fixture.ids.projects.brake),
      "Brake-by-Wire",
      "Work Item",
      "Work Item Update",
      String(fixture.ids.artifacts.pedal),
      "Pedal noise",
      "Assignee",
    ]);
    expect(first[13]).toContain("USER_STATUS=Disabled");
  });

  it("writes JSON lines oldest first with offsets, whatever the tab's sort", async () => {
    const { bytes } = await exportOf("permissions", "jsonl", "sort=user.desc");
    const lines = bytes
      .toString("utf8")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { id: string; createdAt: string; user: { username: string } });
    expect(lines.map((line) => fixture.ids.keys.get(line.id))).toEqual([
      "tie-create",
      "tie-assign",
      "disable",
      "disable-remove",
      "create",
      "create-assign",
      "perm-create",
      "perm-update",
    ]);
    expect(lines[0].createdAt).toBe("2026-03-11T09:00:00.000+01:00");
  });

  it("follows a non-time sort through keyset batches exactly as the tab pages it", async () => {
    const { bytes } = await exportOf("artifacts", "xlsx", "sort=workItem.asc", 2);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const sheet = workbook.getWorksheet("Artifacts");
    const exported: string[] = [];
    const headers = (sheet?.getRow(1).values ?? []) as unknown[];
    const idColumn = headers.indexOf("Event ID");
    sheet?.eachRow((row, number) => {
      if (number > 1) exported.push(String(row.getCell(idColumn).value));
    });
    const page = await runAs(AUDITOR, () =>
      searchTabEvents(artifactsTab, { ...artifactsTab.defaultSearch, size: 100, sort: "workItem.asc" }, { timeZone: "Europe/Berlin", now: NOW }),
    );
    expect(exported).toEqual(page.rows.map((row) => row.id));
  });

  it("writes an .xlsx with date cells, a marked disabled user and an About sheet", async () => {
    const { bytes } = await exportOf("logins", "xlsx", "range=Last_7_Days");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const sheet = workbook.getWorksheet("Logins");
    expect(sheet?.getRow(1).getCell(1).value).toBe("Created at (Europe/Berlin, CET)");
    expect(sheet?.getRow(1).font?.bold).toBe(true);
    expect(sheet?.getRow(2).getCell(1).value).toEqual(new Date("2026-03-16T09:00:00Z"));
    expect(sheet?.getRow(2).getCell(2).value).toBe("alice");
    const about = workbook.getWorksheet("About");
    const facts = new Map<string, string>();
    about?.eachRow((row) => facts.set(String(row.getCell(1).value), String(row.getCell(2).value)));
    expect(facts.get("Login range")).toBe("Last 7 Days: 2026-03-10 to 2026-03-16");
    expect(facts.get("Rows")).toBe("1");
    expect(facts.get("Generated by")).toBe("auditor");
  });

  it("strikes a disabled user's cells, leaves empty cells blank and formats every date cell", async () => {
    const { bytes } = await exportOf("artifacts", "xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const sheet = workbook.getWorksheet("Artifacts");
    const rows = Array.from({ length: (sheet?.rowCount ?? 1) - 1 }, (_, index) => sheet!.getRow(index + 2));
    expect(rows).toHaveLength(8);
    expect(rows.map((row) => row.getCell(1).numFmt)).toEqual(Array(8).fill("yyyy-mm-dd hh:mm:ss"));
    const bob = rows[0];
    expect([bob.getCell(2).value, bob.getCell(2).font?.strike, bob.getCell(3).font?.strike]).toEqual(["bob", true, true]);
    expect(rows.filter((row) => row.getCell(2).value === "alice").map((row) => row.getCell(2).font?.strike ?? false)).toContain(false);
    // A work item: no Artifact, and no cell for it rather than an empty text ("(Blanks)" in Excel's filter).
    expect([bob.getCell(5).value, bob.getCell(6).value]).toEqual([null, "Pedal noise"]);
    const sheetXml = zipEntryText(bytes, "xl/worksheets/sheet1.xml");
    expect(sheetXml).toMatch(/<c r="F2"/);
    expect(sheetXml).not.toMatch(/<c r="E2"/);
    expect(sheetXml).not.toMatch(/<v><\/v>|<t><\/t>/);
  });

  it("writes a PDF and records every export as an Audit Export event", async () => {
    const { bytes } = await exportOf("permissions", "pdf");
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const events = await fixture.db.prisma.auditEvent.findMany({ where: { eventType: "AUDIT_EXPORT", actorName: "auditor" }, orderBy: { id: "asc" } });
    expect(events.length).toBeGreaterThanOrEqual(5);
    expect(events.at(-1)?.details).toMatchObject({ tab: "permissions", format: "pdf", rows: 8, filters: { range: "Last_30_Days", sort: "createdAt.desc" } });
  });

  it("refuses a file over the format's limit before writing anything", async () => {
    const plan = await runAs(AUDITOR, () => planExport("logins", "pdf", new URLSearchParams(), { timeZone: "UTC", now: NOW }));
    expect(plan.refusal).toBeNull();
    const { limitRefusal } = await import("./export-formats");
    expect(limitRefusal("pdf", 5001)).toMatch(/^More than 5,000 events match these filters\. A PDF holds at most 5,000 events/);
    expect(limitRefusal("xlsx", 1_048_576)).toMatch(/An Excel sheet holds at most 1,048,575 events/);
    expect(limitRefusal("csv", 10_000_000)).toBeNull();
  });
});
