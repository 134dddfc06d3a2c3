import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "@/lib/api/input-error";
import { AuthError } from "@/lib/auth/guard";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { useAppDatabase } from "@/lib/test/app-database";
import { testDatabases } from "@/lib/test/databases";
import { octaneCapFormSchema } from "./config-schemas";
import { AuditDefaultsError, loadAuditDefaults } from "./defaults";
import { listConfigHistory } from "./history";
import { getOctaneCap, updateOctaneCap } from "./octane-cap";

const ADMIN: Principal = { userId: 1, username: "ada", displayName: "Ada Admin", role: "ADMIN", sessionId: null };
const AUDITOR: Principal = { ...ADMIN, userId: 2, username: "audrey", role: "AUDITOR" };
const CONTEXT = { via: "api" as const, request: { ip: "192.0.2.9", userAgent: "Cap Test" } };

const dir = mkdtempSync(path.join(tmpdir(), "octane-cap-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileWith(content: unknown): string {
  const file = path.join(dir, `defaults-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(content));
  return file;
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

describe("the ALM Octane API's records cap in the defaults file", () => {
  it("is 10,000 in config/audit-defaults.json, and when the file leaves it out", () => {
    expect(loadAuditDefaults(path.resolve(import.meta.dirname, "../../../config/audit-defaults.json")).octaneMaxRecords).toBe(10_000);
    expect(loadAuditDefaults(fileWith({})).octaneMaxRecords).toBe(10_000);
  });

  it("may be lowered, never raised", () => {
    expect(loadAuditDefaults(fileWith({ octaneAudits: { maxRecords: 50 } })).octaneMaxRecords).toBe(50);
    for (const [content, message] of [
      [{ octaneAudits: { maxRecords: 10_001 } }, "octaneAudits.maxRecords may be at most 10,000: the limit can be lowered, never raised"],
      [{ octaneAudits: { maxRecords: 0 } }, "octaneAudits.maxRecords must be a whole number of records from 1 to 10,000"],
      [{ octaneAudits: { maxRecords: 2.5 } }, "octaneAudits.maxRecords must be a whole number of records from 1 to 10,000"],
      [{ octaneAudits: { maxLimit: 5 } }, "octaneAudits Unrecognized key"],
    ] as const) {
      const file = fileWith(content);
      expect(() => loadAuditDefaults(file)).toThrow(AuditDefaultsError);
      expect(() => loadAuditDefaults(file)).toThrow(`The audit defaults file ${file} is not valid: ${message}`);
    }
  });

  it("is refused above 10,000 by the Config tab's form schema too", () => {
    const parsed = octaneCapFormSchema.safeParse({ maxRecords: 20_000 });
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["maxRecords", "may be at most 10,000: the limit can be lowered, never raised"],
    ]);
    expect(octaneCapFormSchema.safeParse({ maxRecords: undefined }).error?.issues[0]?.message).toBe("is required (a whole number of records from 1 to 10,000)");
    expect(octaneCapFormSchema.parse({ maxRecords: 10_000 })).toEqual({ maxRecords: 10_000 });
  });
});

describe.each(testDatabases())("the stored records cap on $name", ({ open }) => {
  const state = useAppDatabase(open);

  it("is stored, audited with old and new, and read back; the same value again writes nothing", async () => {
    expect(await runAs(AUDITOR, () => getOctaneCap())).toEqual({ maxRecords: 10_000, source: "default", updatedAt: null, updatedBy: null });
    const saved = await runAs(ADMIN, () => updateOctaneCap({ maxRecords: 2_500 }, CONTEXT));
    expect(saved).toMatchObject({ changed: true, cap: { maxRecords: 2_500, source: "database", updatedBy: "ada" } });
    expect((await runAs(ADMIN, () => updateOctaneCap({ maxRecords: 2_500 }, CONTEXT))).changed).toBe(false);

    const events = await state.db.prisma.auditEvent.findMany({ where: { eventType: "AUDIT_CONFIG_CHANGE" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorName: "ada",
      message: "ALM Octane API records per query changed from 10,000 to 2,500.",
      changes: [{ field: "ALM Octane API: records per query", kind: "number", old: 10_000, new: 2_500 }],
      details: { setting: "octaneAudits", via: "api" },
      ip: "192.0.2.9",
    });
    const history = await runAs(AUDITOR, () => listConfigHistory({ page: 1, size: 25 }));
    expect(history.rows.map((row) => [row.message, row.channel])).toEqual([["ALM Octane API records per query changed from 10,000 to 2,500.", "REST API"]]);
  });

  it("refuses a cap above 10,000 naming the field, and anyone but an administrator", async () => {
    const raised = await refusal(runAs(ADMIN, () => updateOctaneCap({ maxRecords: 10_001 }, CONTEXT)));
    expect(raised).toBeInstanceOf(InputError);
    expect(raised).toMatchObject({ field: "maxRecords", message: "Records per query: may be at most 10,000: the limit can be lowered, never raised" });
    const auditor = await refusal(runAs(AUDITOR, () => updateOctaneCap({ maxRecords: 100 }, CONTEXT)));
    expect(auditor).toBeInstanceOf(AuthError);
    expect((auditor as AuthError).status).toBe(403);
    expect((await runAs(AUDITOR, () => getOctaneCap())).maxRecords).toBe(2_500);
  });
});
