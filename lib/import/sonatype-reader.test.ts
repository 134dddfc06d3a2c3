import path from "node:path";
import { describe, expect, it } from "vitest";
import { readImport, readSummary } from "@/lib/test/read-import";

const FIXTURE = path.join(import.meta.dirname, "fixtures/sonatype-audit.jsonl");

describe("sonatype-jsonl", () => {
  it("maps logins, users, roles and user memberships; skips what has no equivalent or failed, by kind", async () => {
    expect(readSummary(await readImport("sonatype-jsonl", FIXTURE))).toEqual({
      lines: 12,
      types: ["USER_LOGIN", "USER_CREATE", "GROUP_ASSIGN", "ARTIFACT_PERMISSION_CREATE", "ARTIFACT_PERMISSION_UPDATE", "USER_LOGOUT"],
      skipped: {
        "server start": 1,
        "authentication login (failed: bad-authentication)": 1,
        "role-membership add (a group member)": 1,
        "application create": 1,
        "audit-log export": 1,
        "server stop": 1,
      },
      unreadable: 0,
    });
  });

  it("names the people and roles from data, keeps the rest in details, and ids each event by its line's hash", async () => {
    const { events } = await readImport("sonatype-jsonl", FIXTURE);
    const [login, create, assign, role] = events;
    expect(login).toMatchObject({
      createdAt: "2024-03-21T10:52:03.118-03:00",
      actor: { id: "admin", username: "admin" },
      ip: "10.20.30.41",
      userAgent: expect.stringContaining("Firefox"),
      details: { domain: "authentication", type: "login", requestMethod: "POST", requestUri: "/rest/user/session" },
    });
    expect(login!.id).toMatch(/^[0-9a-f]{64}$/);
    expect(create!.targetUser).toEqual({ id: "zoe.muller", username: "zoe.muller", displayName: "Zoë Müller", email: "zoe.muller@example.com" });
    expect(create!.details).toMatchObject({ data: { realm: "Internal" } });
    expect(assign).toMatchObject({
      targetUser: { id: "zoe.muller", username: "zoe.muller" },
      artifact: { id: "role:1cddabf7fdaa47d6833454af10e0a3ef", name: "Developer", kind: "ARTIFACT" },
    });
    expect(role!.artifact).toEqual({ id: "role:b8e7a0f2c1d94a7e9f3a6c2d1e0f9a8b", name: "Release Manager", kind: "ARTIFACT" });
    const again = await readImport("sonatype-jsonl", FIXTURE);
    expect(again.events.map((event) => event.id)).toEqual(events.map((event) => event.id));
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
  });

  it("reports a broken line, a line missing what its kind needs and a bad time by number, and goes on", async () => {
    const lines = [
      '{"timestamp":"2024-03-21T10:52:03.118Z","username":"admin","domain":"authentication","type":"login"}',
      "{not json",
      '{"timestamp":"2024-03-21T11:02:15.442Z","username":"admin","domain":"user","type":"create","data":{}}',
      '{"timestamp":"yesterday","username":"admin","domain":"authentication","type":"logout"}',
      '{"timestamp":"2024-03-21T12:00:00Z","username":"admin","domain":"authentication","type":"logout","remoteIpAddress":"unknown"}',
    ];
    const { events, tally } = await readImport("sonatype-jsonl", { text: lines.join("\n") });
    expect(events).toHaveLength(2);
    expect(events[1]!.details).toMatchObject({ remoteIpAddress: "unknown" });
    expect(events[1]!.ip).toBeUndefined();
    expect(tally.unreadable).toEqual([
      { file: "input", line: 2, reason: "is not valid JSON" },
      { file: "input", line: 3, reason: "user create: data.username is missing" },
      { file: "input", line: 4, reason: expect.stringMatching(/^createdAt: must be an ISO 8601 time/) },
    ]);
  });
});
