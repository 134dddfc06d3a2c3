// Codebeamer's pageSize=0 reads up to 10,000 events at once: a read in bulk, it takes an export slot
// for its caller (refused 429 when the caller's slots are taken, as an export is) and gives it back.
import { describe, expect, it, vi } from "vitest";
import { POST as ingest } from "@/app/api/audit/events/route";
import { POST as logins } from "@/app/api/v3/sysadmin/audit/logins/route";
import { createApiToken } from "@/lib/auth/api-tokens/api-tokens";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { acquireExportSlot, exportsRunning } from "@/lib/export/export-slots";
import { useAppDatabase } from "@/lib/test/app-database";
import { testDatabases } from "@/lib/test/databases";

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

const ADMIN: Principal = { userId: null, username: "test-admin", displayName: "Test Admin", role: "ADMIN", sessionId: null };
const SOURCE = "cb-bulk";

describe.each(testDatabases())("Codebeamer's pageSize=0 on $name", ({ open }) => {
  useAppDatabase(open);
  const token = async (scopes: ("ingest" | "read")[]) =>
    runAs(ADMIN, () => createApiToken({ name: `t-${scopes.join("-")}`, source: SOURCE, scopes, expiresInDays: 30 }));
  const send = (secret: string, body: unknown, url: string, handler: (request: Request) => Promise<Response>) =>
    handler(
      new Request(url, { method: "POST", headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" }, body: JSON.stringify(body) }),
    );

  it("takes one of its caller's export slots while it reads, and is refused 429 when they are taken", async () => {
    const sender = await token(["ingest"]);
    const events = [1, 2, 3].map((n) => ({
      id: `l-${n}`,
      type: "User Login",
      createdAt: new Date(Date.now() - n * 60_000).toISOString(),
      actor: { id: "101", username: "bond" },
    }));
    expect((await send(sender.secret, { events }, "http://console.test/api/audit/events", ingest)).status).toBe(200);
    const reader = await token(["read"]);
    const everything = () => send(reader.secret, {}, "http://console.test/api/v3/sysadmin/audit/logins?pageSize=0", logins);

    const first = await everything();
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ total: 3, pageSize: 0, auditLogins: [{ user: "bond" }, { user: "bond" }, { user: "bond" }] });
    expect(exportsRunning()).toBe(0);

    const held = [acquireExportSlot(`token:${reader.token.id}`), acquireExportSlot(`token:${reader.token.id}`)];
    try {
      const refused = await everything();
      expect([refused.status, refused.headers.get("Retry-After")]).toEqual([429, "10"]);
      expect(await refused.json()).toEqual({
        error: {
          code: "too_many_exports",
          message: "You already have 2 exports running, as many as one user may. Wait until one has finished downloading, then try again.",
        },
      });
      // A page of pageSize 1 to 100 is no bulk read: it needs no slot.
      const page = await send(reader.secret, {}, "http://console.test/api/v3/sysadmin/audit/logins?pageSize=2", logins);
      expect(await page.json()).toMatchObject({ total: 3, pageSize: 2 });
    } finally {
      for (const slot of held) slot.release();
    }
    expect((await everything()).status).toBe(200);
  });
});
