import { describe, expect, it } from "vitest";
import { afterRow, sortKeys } from "./keyset";

describe("afterRow", () => {
  it("continues newest first by time with id as tie-breaker", () => {
    const at = new Date("2026-03-01T00:00:00Z");
    expect(afterRow(sortKeys([{ createdAt: "desc" }, { id: "desc" }]), { createdAt: at, id: 5n })).toEqual({
      AND: [{ createdAt: { lte: at } }, { OR: [{ createdAt: { lt: at } }, { AND: [{ createdAt: at }, { id: { lt: 5n } }] }] }],
    });
  });

  it("puts nulls last on nullable columns, and compares enums by their order", () => {
    const at = new Date("2026-03-01T00:00:00Z");
    const keys = sortKeys([{ projectName: { sort: "asc", nulls: "last" } }, { eventType: "asc" }, { id: "desc" }]);
    expect(afterRow(keys, { projectName: "Pump", eventType: "USER_LOGIN", id: 9n, createdAt: at }).OR).toEqual([
      { OR: [{ projectName: { gt: "Pump" } }, { projectName: null }] },
      { AND: [{ projectName: "Pump" }, { eventType: { in: expect.arrayContaining(["USER_LOGOUT", "AUDIT_PURGE"]) } }] },
      { AND: [{ projectName: "Pump" }, { eventType: "USER_LOGIN" }, { id: { lt: 9n } }] },
    ]);
    // After a null (nulls last), only rows with null and a later tie-breaker follow.
    expect(afterRow(keys, { projectName: null, eventType: "AUDIT_PURGE", id: 9n }).OR).toEqual([{ AND: [{ projectName: null }, { eventType: "AUDIT_PURGE" }, { id: { lt: 9n } }] }]);
  });
});
