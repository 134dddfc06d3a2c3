import { describe, expect, it, vi } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { useAppDatabase } from "@/lib/test/app-database";
import { testDatabases } from "@/lib/test/databases";
import { coverageAnswerSchema, coverageChangeAnswerSchema, retentionAnswerSchema, retentionChangeAnswerSchema } from "@/lib/audit/config/config-api-docs";
import * as coverageRoute from "./coverage/route";
import * as retentionRoute from "./retention/route";

// No session outside runAs: the guard answers 401.
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

const ADMIN: Principal = { userId: 1, username: "ada", displayName: "Ada Admin", role: "ADMIN", sessionId: null };
const AUDITOR: Principal = { ...ADMIN, userId: 2, username: "audrey", role: "AUDITOR" };
const ORIGIN = "http://console.example:3000";

function get(path: string): Request {
  return new Request(`${ORIGIN}${path}`, { headers: { host: "console.example:3000" } });
}

function put(path: string, body: string, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}${path}`, {
    method: "PUT",
    body,
    headers: { "content-type": "application/json", host: "console.example:3000", origin: ORIGIN, "user-agent": "Route Test", ...headers },
  });
}

describe.each(testDatabases())("the configuration API on $name", ({ open }) => {
  const fixture = useAppDatabase(open);

  it.each([
    ['{"period":{"days":29}}', "period.days", /at least 30/],
    ['{"period":{"days":366}}', "period.days", /at most 365/],
    ['{"period":{"days":"abc"}}', "period.days", /whole number of days from 30 to 365/],
    ['{"period":{}}', "period.days", /is required/],
    ["{}", "period.days", /is required/],
    ['{"period":{"days":90,"months":1}}', "period", /in days only/],
    ['{"period":', "body", /not valid JSON/],
    ["", "body", /empty/],
  ])("PUT retention %s answers 400 naming %s", async (body, field, message) => {
    const response = await runAs(ADMIN, () => retentionRoute.PUT(put("/api/audit/config/retention", body)));
    expect(response.status).toBe(400);
    const json = await response.json();
    expect(json).toEqual({ error: { code: "invalid_input", field, message: expect.stringMatching(message) } });
    if (field === "period.days") expect(json.error.message).toMatch(/^Retention period \(days\): /);
  });

  it("answers 401 without a session and 403 to an auditor; the auditor may read", async () => {
    expect((await retentionRoute.PUT(put("/api/audit/config/retention", '{"period":{"days":90}}'))).status).toBe(401);
    expect((await retentionRoute.GET(get("/api/audit/config/retention"))).status).toBe(401);
    expect((await coverageRoute.GET(get("/api/audit/config/coverage"))).status).toBe(401);
    const refused = await runAs(AUDITOR, () => retentionRoute.PUT(put("/api/audit/config/retention", '{"period":{"days":90}}')));
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toEqual({ code: "forbidden", message: expect.stringMatching(/needs the Administrator role/) });
    expect((await runAs(AUDITOR, () => coverageRoute.PUT(put("/api/audit/config/coverage", '{"eventTypes":{"USER_LOGIN":false}}')))).status).toBe(403);
    const read = await runAs(AUDITOR, () => retentionRoute.GET(get("/api/audit/config/retention")));
    expect(read.status).toBe(200);
    const answer = await read.json();
    // As the OpenAPI document describes it.
    expect(retentionAnswerSchema.strict().parse(answer)).toEqual(answer);
    expect(answer).toMatchObject({
      period: { days: 180 },
      source: "default",
      limits: { minDays: 30, maxDays: 365 },
      remover: { schedule: "0 2 * * *", running: false },
    });
    expect(await fixture.db.prisma.setting.count()).toBe(0);
  });

  it("refuses a change from another site, and accepts one without Origin (curl)", async () => {
    const crossSite: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { origin: "null" }];
    for (const headers of crossSite) {
      const response = await runAs(ADMIN, () => retentionRoute.PUT(put("/api/audit/config/retention", '{"period":{"days":90}}', headers)));
      expect(response.status).toBe(403);
    }
    expect(await fixture.db.prisma.setting.count()).toBe(0);
    const request = new Request(`${ORIGIN}/api/audit/config/retention`, { method: "PUT", body: '{"period":{"days":90}}', headers: { "user-agent": "curl/8" } });
    const response = await runAs(ADMIN, () => retentionRoute.PUT(request));
    expect(response.status).toBe(200);
    const changed = await response.json();
    expect(retentionChangeAnswerSchema.strict().parse(changed)).toEqual(changed);
    expect(changed).toMatchObject({ changed: true, period: { days: 90 }, source: "database", updatedBy: "ada" });
  });

  it("sets coverage like the tab does, audited as a change made through the API", async () => {
    const response = await runAs(ADMIN, () => coverageRoute.PUT(put("/api/audit/config/coverage", '{"eventTypes":{"User_Logout":false,"USER_LOGIN":true}}')));
    expect(response.status).toBe(200);
    const json = await response.json();
    expect(coverageChangeAnswerSchema.strict().parse(json)).toEqual(json);
    expect(json.changed).toEqual([{ eventType: "USER_LOGOUT", label: "User Logout", old: true, new: false }]);
    expect(json.eventTypes.find((entry: { eventType: string }) => entry.eventType === "USER_LOGOUT")).toMatchObject({
      enabled: false,
      default: true,
      source: "database",
    });
    const read = await (await runAs(AUDITOR, () => coverageRoute.GET(get("/api/audit/config/coverage")))).json();
    expect(read.eventTypes).toHaveLength(36);
    expect(coverageAnswerSchema.strict().parse(read)).toEqual(read);
    const event = await fixture.db.prisma.auditEvent.findFirstOrThrow({
      where: { eventType: "AUDIT_CONFIG_CHANGE", details: { path: ["setting"], equals: "coverage" } },
    });
    expect(event).toMatchObject({ actorName: "ada", userAgent: "Route Test", details: { via: "api" } });

    const bad = await runAs(ADMIN, () => coverageRoute.PUT(put("/api/audit/config/coverage", '{"eventTypes":{"AUDIT_PURGE":false}}')));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: "invalid_input", field: "eventTypes.AUDIT_PURGE", message: expect.stringContaining("always audited") } });
  });
});
