import { describe, expect, it } from "vitest";
import { auditLogContentType, readAuditLogsQuery } from "./audit-log-request";

const read = (query: string) => readAuditLogsQuery(new URLSearchParams(query));

describe("the auditLogs query", () => {
  it("covers both days whole, in UTC, with no limit on the span", () => {
    expect(read("startUtcDate=2024-03-20&endUtcDate=2024-03-21")).toEqual({
      startUtcDate: "2024-03-20",
      endUtcDate: "2024-03-21",
      from: new Date("2024-03-20T00:00:00.000Z"),
      to: new Date("2024-03-22T00:00:00.000Z"),
    });
    expect(read("startUtcDate=2024-02-29&endUtcDate=2024-02-29").to).toEqual(new Date("2024-03-01T00:00:00.000Z"));
    expect(read("endUtcDate=2026-12-31&startUtcDate=2001-01-01&other=ignored").from).toEqual(new Date("2001-01-01T00:00:00.000Z"));
  });

  it("answers text/plain as Sonatype does, and JSON lines to a client that names them", () => {
    expect(auditLogContentType(null)).toBe("text/plain; charset=utf-8");
    expect(auditLogContentType("text/plain")).toBe("text/plain; charset=utf-8");
    expect(auditLogContentType("*/*")).toBe("text/plain; charset=utf-8");
    expect(auditLogContentType("application/json, application/x-ndjson;q=0.9")).toBe("application/x-ndjson; charset=utf-8");
  });
});
