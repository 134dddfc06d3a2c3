import { describe, expect, it, vi } from "vitest";
import { jiraCoverageSchema } from "@/lib/api/jira/jira-coverage";
import { jiraErrorSchema } from "@/lib/api/jira/jira-errors";
import { jiraRetentionSchema } from "@/lib/api/jira/jira-retention";
import { createApiToken } from "@/lib/auth/api-tokens/api-tokens";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { useAppDatabase } from "@/lib/test/app-database";
import { testDatabases } from "@/lib/test/databases";
import * as coverageRoute from "./coverage/route";
import * as retentionRoute from "./retention/route";

// Jira's configuration endpoints over the Config tab's settings: the reference's examples, round
// trips, refusals in Jira's shape, and the audit record every change leaves.
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

const ADMIN: Principal = { userId: 1, username: "ada", displayName: "Ada Admin", role: "ADMIN", sessionId: null };
const AUDITOR: Principal = { ...ADMIN, userId: 2, username: "audrey", role: "AUDITOR" };
const ORIGIN = "http://console.test";
const COVERAGE = "/rest/auditing/1.0/configuration/coverage";
const RETENTION = "/rest/auditing/1.0/configuration/retention";

const get = (path: string, headers: Record<string, string> = {}) => new Request(`${ORIGIN}${path}`, { headers });
const put = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`${ORIGIN}${path}`, {
    method: "PUT",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", "user-agent": "jira-client/1", ...headers },
  });

const ALL_FULL = {
  "global-config-and-administration": "full",
  "user-management": "full",
  permissions: "full",
  "local-config-and-administration": "full",
  security: "full",
  "end-user-activity": "full",
  ecosystem: "full",
};

async function refusal(answer: Response) {
  expect(answer.status).toBe(400);
  return jiraErrorSchema.parse(await answer.json())[0].errors[0];
}

describe.each(testDatabases())("Jira's configuration API on $name", ({ open }) => {
  const state = useAppDatabase(open);
  const configEvents = () => state.db.prisma.auditEvent.findMany({ where: { eventType: "AUDIT_CONFIG_CHANGE" }, orderBy: { id: "asc" } });
  const levels = async () => jiraCoverageSchema.parse(await (await runAs(AUDITOR, () => coverageRoute.GET(get(COVERAGE)))).json()).levelByArea;
  const setLevels = (levelByArea: Record<string, string>) => runAs(ADMIN, () => coverageRoute.PUT(put(COVERAGE, { levelByArea })));
  const switchedOff = async () => (await state.db.prisma.eventTypeSetting.findMany({ where: { enabled: false } })).map((row) => row.eventType).sort();

  it("reads every area at full by default, and takes the reference's PUT example without changing anything", async () => {
    expect(await levels()).toEqual(ALL_FULL);
    const example = {
      "global-config-and-administration": "base",
      "user-management": "advanced",
      permissions: "base",
      "local-config-and-administration": "full",
      security: "advanced",
      "end-user-activity": "full",
      ecosystem: "full",
    };
    const answer = await setLevels(example);
    expect(answer.status).toBe(200);
    // one level holds all of user-management, permissions and security: base and advanced are full there
    expect(jiraCoverageSchema.parse(await answer.json())).toEqual({ levelByArea: ALL_FULL });
    expect(await switchedOff()).toEqual([]);
    expect(await configEvents()).toEqual([]);
  });

  it("sets levels as event type switches and reads them back, each change audited as the Config tab's", async () => {
    const lowered = await setLevels({ "end-user-activity": "Advanced", security: "off" });
    expect((await lowered.json()).levelByArea).toEqual({ ...ALL_FULL, "end-user-activity": "advanced", security: "off" });
    expect(await switchedOff()).toEqual(["USER_LOGIN", "USER_LOGOUT", "USER_SYSTEM_LOGOUT", "WORK_ITEM_UPDATE", "ARTIFACT_UPDATE"].sort());
    const [event] = await configEvents();
    expect(event).toMatchObject({ actorName: "ada", userAgent: "jira-client/1", details: { setting: "coverage", via: "api" } });
    expect(event.message).toBe("Switched off: User Login, User Logout, User System Logout, Work Item Update, Artifact Update.");

    await setLevels({ "end-user-activity": "base" });
    expect((await levels())["end-user-activity"]).toBe("base");
    expect(await switchedOff()).toContain("WORK_ITEM_CREATE");

    // a switch set on the Config tab alone: the area is partly on, which reads base
    await state.db.prisma.eventTypeSetting.update({ where: { eventType: "USER_LOGIN" }, data: { enabled: true } });
    expect((await levels()).security).toBe("base");

    const restored = await setLevels(ALL_FULL);
    expect((await restored.json()).levelByArea).toEqual(ALL_FULL);
    expect(await switchedOff()).toEqual([]);
    expect(await configEvents()).toHaveLength(3);
  });

  it.each([
    [{ levelByArea: { "global-config-and-administration": "off" } }, "levelByArea.global-config-and-administration", /always audited/],
    [{ levelByArea: { security: "max" } }, "levelByArea.security", /must be one of off, base, advanced, full/],
    [{ levelByArea: { plugins: "full" } }, "levelByArea", /no such area; use global-config-and-administration, user-management/],
    [{ levelByArea: "full" }, "levelByArea", /must be an object of areas and levels/],
    [{}, "levelByArea", /must be an object of areas and levels/],
    ["{nope", "body", /not valid JSON/],
  ])("refuses coverage %j in Jira's shape, naming %s", async (body, key, message) => {
    const error = await refusal(await runAs(ADMIN, () => coverageRoute.PUT(put(COVERAGE, body))));
    expect(error).toEqual({ key, message: expect.stringMatching(message) });
    expect(await switchedOff()).toEqual([]);
  });

  it("reads the retention in days and sets it from years, months and days; the reference's ten years is refused", async () => {
    const read = async () => jiraRetentionSchema.parse(await (await runAs(AUDITOR, () => retentionRoute.GET(get(RETENTION)))).json());
    expect(await read()).toEqual({ period: { years: 0, months: 0, days: 180 } });

    const tenYears = await refusal(await runAs(ADMIN, () => retentionRoute.PUT(put(RETENTION, { period: { years: 10 } }))));
    expect(tenYears).toEqual({ key: "period", message: "period: is 3,650 days; the retention must be 30 to 365 days (a month counts 30 days, a year 365)" });

    for (const [period, days] of [
      [{ months: 3 }, 90],
      [{ years: 1 }, 365],
      [{ months: 2, days: 10 }, 70],
      [{ years: 0, months: 0, days: 30 }, 30],
    ] as const) {
      const answer = await runAs(ADMIN, () => retentionRoute.PUT(put(RETENTION, { period })));
      expect(await answer.json()).toEqual({ period: { years: 0, months: 0, days } });
      expect(await read()).toEqual({ period: { years: 0, months: 0, days } });
    }
    const setting = await state.db.prisma.setting.findUniqueOrThrow({ where: { key: "retention" } });
    expect(setting).toMatchObject({ value: { days: 30 }, updatedBy: "ada" });
    const changes = (await configEvents()).filter((event) => (event.details as { setting?: string }).setting === "retention");
    expect(changes.map((event) => event.message)).toEqual([
      "Retention period changed from 180 to 90 days.",
      "Retention period changed from 90 to 365 days.",
      "Retention period changed from 365 to 70 days.",
      "Retention period changed from 70 to 30 days.",
    ]);
    expect(changes.every((event) => (event.details as { via?: string }).via === "api")).toBe(true);
  });

  it.each([
    [{ period: { days: 29 } }, "period", /is 29 days/],
    [{ period: { years: 1, days: 1 } }, "period", /is 366 days/],
    [{ period: {} }, "period", /is 0 days/],
    [{ period: { weeks: 2 } }, "period", /takes years, months and days only/],
    [{ period: { days: 45.5 } }, "period.days", /whole number/],
    [{ period: { months: -1 } }, "period.months", /negative/],
    [{}, "period", /must be an object/],
    ["", "body", /empty/],
  ])("refuses retention %j in Jira's shape, naming %s", async (body, key, message) => {
    const error = await refusal(await runAs(ADMIN, () => retentionRoute.PUT(put(RETENTION, body))));
    expect(error).toEqual({ key, message: expect.stringMatching(message) });
  });

  it("lets a read token read, but changes need an administrator signed in; without credentials 401, in the console's shape", async () => {
    const { secret } = await runAs(ADMIN, () => createApiToken({ name: "jira-reader", source: "alm", scopes: ["read"], expiresInDays: 30 }));
    const bearer = { authorization: `Bearer ${secret}` };
    expect(await (await coverageRoute.GET(get(COVERAGE, bearer))).json()).toEqual({ levelByArea: expect.any(Object) });
    expect(jiraRetentionSchema.parse(await (await retentionRoute.GET(get(RETENTION, bearer))).json()).period.days).toBeGreaterThanOrEqual(30);
    const byToken = await retentionRoute.PUT(put(RETENTION, { period: { days: 90 } }, bearer));
    expect(byToken.status).toBe(403);
    expect((await byToken.json()).error.code).toBe("forbidden");
    const byAuditor = await runAs(AUDITOR, () => coverageRoute.PUT(put(COVERAGE, { levelByArea: { security: "off" } })));
    expect(byAuditor.status).toBe(403);
    const anonymous = await coverageRoute.GET(get(COVERAGE));
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
  });
});
