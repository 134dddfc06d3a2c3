import { describe, expect, it, vi } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { useAppDatabase } from "@/lib/test/app-database";
import { testDatabases } from "@/lib/test/databases";
import { saveOctaneCapAction } from "./actions";

// The Config tab's save of the ALM Octane API's records cap, as the form calls it.
const revalidated = vi.hoisted(() => [] as string[]);
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "192.0.2.44", "user-agent": "Config Tab" }) }));
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => revalidated.push(path) }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

const ADMIN: Principal = { userId: 7, username: "ada", displayName: "Ada Admin", role: "ADMIN", sessionId: null };
const AUDITOR: Principal = { ...ADMIN, userId: 8, username: "audrey", role: "AUDITOR" };

describe.each(testDatabases())("the Config tab's records cap action on $name", ({ open }) => {
  const state = useAppDatabase(open);

  it("stores the cap and records the change as made on the Config tab", async () => {
    revalidated.length = 0;
    expect(await runAs(ADMIN, () => saveOctaneCapAction({ maxRecords: 50 }))).toEqual({ ok: true, value: { changed: true, maxRecords: 50 } });
    expect(revalidated).toEqual(["/audit/config"]);
    const setting = await state.db.prisma.setting.findUniqueOrThrow({ where: { key: "octaneAudits" } });
    expect([setting.value, setting.updatedBy]).toEqual([{ maxRecords: 50 }, "ada"]);
    const event = await state.db.prisma.auditEvent.findFirstOrThrow({ where: { eventType: "AUDIT_CONFIG_CHANGE" } });
    expect(event).toMatchObject({
      actorId: 7,
      message: "ALM Octane API records per query changed from 10,000 to 50.",
      details: { setting: "octaneAudits", via: "console" },
      userAgent: "Config Tab",
    });
  });

  it("refuses a cap above 10,000 next to the field, and an auditor, storing nothing", async () => {
    expect(await runAs(ADMIN, () => saveOctaneCapAction({ maxRecords: 10_001 }))).toEqual({
      ok: false,
      field: "maxRecords",
      message: "Records per query: may be at most 10,000: the limit can be lowered, never raised",
    });
    expect(await runAs(AUDITOR, () => saveOctaneCapAction({ maxRecords: 20 }))).toEqual({
      ok: false,
      message: "Changing the ALM Octane API's records cap needs the Administrator role. You are signed in as audrey (Auditor).",
    });
    expect((await state.db.prisma.setting.findUniqueOrThrow({ where: { key: "octaneAudits" } })).value).toEqual({ maxRecords: 50 });
    expect(await state.db.prisma.auditEvent.count({ where: { eventType: "AUDIT_CONFIG_CHANGE" } })).toBe(1);
  });
});
