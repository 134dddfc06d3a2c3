import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AuditDefaultsError, loadAuditDefaults } from "./defaults";

const dir = mkdtempSync(path.join(tmpdir(), "audit-defaults-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileWith(content: unknown): string {
  const file = path.join(dir, `defaults-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

describe("config/audit-defaults.json", () => {
  it("is valid: every type on, 180 days, the remover at 02:00 server time", () => {
    const defaults = loadAuditDefaults(path.resolve(import.meta.dirname, "../../../config/audit-defaults.json"));
    expect(Object.values(defaults.eventTypes).every(Boolean)).toBe(true);
    expect(defaults).toMatchObject({ retentionDays: 180, removerSchedule: "0 2 * * *", removerTimeZone: null, integrityCheckSchedule: "0 4 * * *" });
  });
});

describe("a defaults file", () => {
  it("audits the types it leaves out and fills what is missing with the built-in defaults", () => {
    const defaults = loadAuditDefaults(fileWith({ eventTypes: { USER_LOGOUT: false } }));
    expect(defaults.eventTypes.USER_LOGOUT).toBe(false);
    expect(defaults.eventTypes.USER_LOGIN).toBe(true);
    expect(defaults.eventTypes.AUDIT_PURGE).toBe(true);
    expect(defaults).toMatchObject({ retentionDays: 180, removerSchedule: "0 2 * * *" });
  });

  it.each([
    [{ eventTypes: { User_Logout: false } }, /eventTypes\.User_Logout is not an event type/],
    [{ eventTypes: { AUDIT_PURGE: false } }, /eventTypes\.AUDIT_PURGE is always audited/],
    [{ eventTypes: { USER_LOGIN: "yes" } }, /eventTypes\.USER_LOGIN must be true or false/],
    [{ retention: { days: 400 } }, /retention\.days may be at most 365 days/],
    [{ remover: { schedule: "at two" } }, /remover\.schedule is not a cron pattern/],
    [{ remover: { timeZone: "Mars/Olympus" } }, /remover\.timeZone is not an IANA time zone/],
    [{ integrityCheck: { schedule: "daily" } }, /integrityCheck\.schedule is not a cron pattern/],
    [{ retentionDays: 90 }, /not valid/],
    ['{ "eventTypes": { "__proto__": false } }', /eventTypes\.__proto__ is a reserved name, not a field/],
    ["{ not json", /is not valid JSON/],
  ])("is refused with a message naming the key: %j", (content, message) => {
    expect(() => loadAuditDefaults(fileWith(content))).toThrow(AuditDefaultsError);
    expect(() => loadAuditDefaults(fileWith(content))).toThrow(message);
  });

  it("must exist", () => {
    expect(() => loadAuditDefaults(path.join(dir, "missing.json"))).toThrow(/Cannot read the audit defaults file/);
  });
});
