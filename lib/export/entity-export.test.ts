// An entity page's exports: the entity's events that its filters select, in every format, named
// after the entity, recorded as Audit Export events.
import ExcelJS from "exceljs";
import { describe, expect, it, vi } from "vitest";
import { AuthError } from "@/lib/auth/guard";
import { runAs } from "@/lib/auth/principal-context";
import { testDatabases } from "@/lib/test/databases";
import { bytesOf } from "@/lib/test/export-bytes";
import { NOW } from "@/lib/test/tab-fixture";
import { AUDITOR, useTabFixture } from "@/lib/test/tab-fixture-hooks";
import type { TimelineSubject } from "@/lib/audit/timeline/timeline-filters";
import type { ExportFormat } from "./export-formats";
import { UnknownEntityError } from "./export-target";
import { nameSlug } from "./export-scope";
import { planExport } from "./run-export";

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

describe.each(testDatabases())("entity exports on $name", ({ open }) => {
  const fixture = useTabFixture(open);

  const exportOf = (subject: TimelineSubject, format: ExportFormat, query = "") =>
    runAs(AUDITOR, async () => {
      const plan = await planExport(subject, format, new URLSearchParams(query), { timeZone: "UTC", now: NOW, batchSize: 2 });
      return { plan, bytes: await bytesOf((await plan.prepare()).chunks()) };
    });

  it("exports the artifact's filtered events, named after it, and records the export", async () => {
    const alarm = { kind: "artifact", id: fixture.ids.artifacts.alarm } as const;
    const { plan, bytes } = await exportOf(alarm, "jsonl", "types=WORK_ITEM_REMOVE,WORK_ITEM_RESTORE");
    expect(plan.rows).toBe(2);
    expect(plan.fileName).toBe(`audit-artifact-${alarm.id}-alarm-late_last-365-days_2-types_2026-03-16_0900_UTC.jsonl`);
    const lines = bytes
      .toString("utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => fixture.ids.keys.get(String(line.id)))).toEqual(["alarm-remove", "alarm-restore"]);
    const recorded = await fixture.db.prisma.auditEvent.findFirst({ where: { eventType: "AUDIT_EXPORT", actorName: "auditor" }, orderBy: { id: "desc" } });
    expect(recorded?.message).toBe(`Exported 2 events of work item "Alarm late" (#${alarm.id}) to ${plan.fileName}`);
    expect(recorded?.details).toMatchObject({
      tab: "artifact-timeline",
      entity: { kind: "artifact", id: alarm.id, name: "Alarm late" },
      format: "jsonl",
      rows: 2,
      filters: { types: ["WORK_ITEM_REMOVE", "WORK_ITEM_RESTORE"], range: "Last_365_Days" },
    });
  });

  it("names the entity in the Excel summary and lists only its events", async () => {
    const bob = { kind: "user", id: fixture.ids.users.bob } as const;
    const { plan, bytes } = await exportOf(bob, "xlsx", "range=custom&from=2026-03-01&to=2026-03-16");
    expect(plan.fileName).toMatch(new RegExp(`^audit-user-${bob.id}-bob-lukasz-bob_2026-03-01_2026-03-16_`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe("User timeline");
    expect(sheet.rowCount - 1).toBe(plan.rows);
    const about = workbook.worksheets[1];
    const lines = about.getSheetValues().flatMap((row) => (Array.isArray(row) ? [row.slice(1).join(": ")] : []));
    expect(lines).toContain(`User: Bob Łukasz (@bob) (#${bob.id})`);
    expect(lines).toContain("Created at range: 2026-03-01 to 2026-03-16");
  });

  it("writes the PDF, and refuses an unknown entity, a bad filter and a caller without a role", async () => {
    const { bytes } = await exportOf({ kind: "project", id: fixture.ids.projects.pump }, "pdf");
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    await expect(exportOf({ kind: "tracker", id: 999_999 }, "csv")).rejects.toBeInstanceOf(UnknownEntityError);
    await expect(exportOf({ kind: "project", id: fixture.ids.projects.pump }, "csv", "types=USER_LOGIN")).rejects.toMatchObject({ field: "types" });
    await expect(planExport({ kind: "project", id: 1 }, "csv", new URLSearchParams(), { timeZone: "UTC", now: NOW })).rejects.toBeInstanceOf(AuthError);
  });

  it("makes file names of Latin letters and digits", () => {
    expect(nameSlug("Zoë Müller (@zoe.muller)")).toBe("zoe-muller-zoe-muller");
    expect(nameSlug("Łukasz Żółć, Søren Groß")).toBe("lukasz-zolc-soren-gross");
    expect(nameSlug("山田 太郎")).toBe("");
    expect(nameSlug("A".repeat(60))).toHaveLength(40);
  });
});
