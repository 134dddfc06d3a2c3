import { describe, expect, it } from "vitest";
import type { EventRowRecord } from "@/lib/audit/events/event-rows";
import { ALL_EVENT_TYPES } from "@/lib/audit/events/event-types";
import { REMOVER_JOB_NAME } from "@/lib/audit/retention/purge";
import { SONATYPE_EVENTS } from "@/lib/import/sonatype-reader";
import { openApiDocument } from "../openapi/openapi-document";
import { AUDIT_LOG_KINDS, auditLogLine, auditLogLineSchema, SYSTEM_USERNAME, utcTimestamp } from "./audit-log-lines";
import { eventOf } from "./event-record-fixture";
import { SONATYPE_API_DOCS } from "./sonatype-api-docs";

const noIds = () => undefined;
const lineOf = (fields: Partial<EventRowRecord>) => auditLogLine(eventOf(fields), noIds);

describe("Sonatype audit log lines", () => {
  it("write the time in UTC with milliseconds and the offset written out", () => {
    expect(utcTimestamp(new Date("2024-03-21T13:39:44.896Z"))).toBe("2024-03-21T13:39:44.896+00:00");
    expect(utcTimestamp(new Date("2024-03-21T00:00:00Z"))).toBe("2024-03-21T00:00:00.000+00:00");
  });

  it("name the console's scheduled remover job *SYSTEM, and nobody else", () => {
    expect(lineOf({})).toEqual({
      timestamp: "2024-03-21T13:39:44.896+00:00",
      username: SYSTEM_USERNAME,
      domain: "audit-log",
      type: "purge",
      data: { eventId: "42", eventType: "Audit Purge", source: "console" },
    });
    expect(JSON.stringify(lineOf({}))).toBe(
      '{"timestamp":"2024-03-21T13:39:44.896+00:00","username":"*SYSTEM","domain":"audit-log","type":"purge","data":{"eventId":"42","eventType":"Audit Purge","source":"console"}}',
    );
    // A person of a sending system may be called remover-job; a purge started by hand names its admin.
    expect(lineOf({ source: "alm", eventType: "USER_LOGIN", category: "LOGIN", actorId: 9 }).username).toBe(REMOVER_JOB_NAME);
    expect(lineOf({ actorId: 3, actorName: "ada" }).username).toBe("ada");
    expect(lineOf({ actorName: "api-token:siem", eventType: "AUDIT_EXPORT" })).toMatchObject({
      username: "api-token:siem",
      domain: "audit-log",
      type: "export",
    });
  });

  it("give every event type a domain and type, those the Sonatype importer reads as it reads them", () => {
    expect(Object.keys(AUDIT_LOG_KINDS).sort()).toEqual([...ALL_EVENT_TYPES].sort());
    for (const [kind, { type }] of Object.entries(SONATYPE_EVENTS)) {
      const { domain, type: written } = AUDIT_LOG_KINDS[type];
      expect(`${domain} ${written}`, type).toBe(kind);
    }
    const kinds = Object.values(AUDIT_LOG_KINDS).map(({ domain, type }) => `${domain} ${type}`);
    expect(new Set(kinds).size).toBe(kinds.length);
  });

  it("are described by the schema the OpenAPI document is built from", () => {
    const line = lineOf({ ip: "2001:db8::1", userAgent: "curl/8.5.0", changes: [{ field: "Status", kind: "enum", old: "New", new: "Done" }] });
    expect(auditLogLineSchema.parse(JSON.parse(JSON.stringify(line)))).toEqual(line);
    const document = openApiDocument(SONATYPE_API_DOCS, { version: "test", tags: [] });
    const operation = document.paths["/api/v2/auditLogs"].get as { parameters: { name: string; required: boolean }[]; responses: Record<string, unknown> };
    expect(operation.parameters.map(({ name, required }) => [name, required])).toEqual([
      ["startUtcDate", true],
      ["endUtcDate", true],
    ]);
    expect(operation.responses[200]).toMatchObject({
      content: { "text/plain": { schema: { type: "object", required: expect.arrayContaining(["timestamp", "username", "domain", "type", "data"]) } } },
    });
  });
});
