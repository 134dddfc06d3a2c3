import { describe, expect, it } from "vitest";
import { AuditEventType } from "@/lib/generated/prisma/enums";
import { afterRow, keysetBatches, sortKeys } from "./keyset";

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
    // After a null (nulls last) and the last event type, only rows with null, that type and a later tie-breaker follow.
    const lastType = Object.values(AuditEventType).at(-1);
    expect(afterRow(keys, { projectName: null, eventType: lastType, id: 9n }).OR).toEqual([
      { AND: [{ projectName: null }, { eventType: lastType }, { id: { lt: 9n } }] },
    ]);
  });
});

describe("keysetBatches", () => {
  const rows = Array.from({ length: 7 }, (_, index) => ({ id: BigInt(7 - index), createdAt: new Date(Date.UTC(2026, 0, 7 - index)) }));
  /** A query that serves `rows` three at a time, after the last row its `where` names. */
  function serving(failAfter = Infinity) {
    const calls: Array<{ lastId: bigint | null }> = [];
    return {
      calls,
      find: async (args: { where: unknown; take: number }) => {
        const where = JSON.stringify(args.where, (_, value) => (typeof value === "bigint" ? `${value}n` : value));
        const lastId = /"id":\{"lt":"(\d+)n"/.exec(where)?.[1];
        calls.push({ lastId: lastId ? BigInt(lastId) : null });
        if (calls.length > failAfter) throw new Error("connection lost");
        const start = lastId ? rows.findIndex((row) => row.id < BigInt(lastId)) : 0;
        return rows.slice(start, start + args.take);
      },
    };
  }

  it("reads every row once, in order, continuing after the last row of each batch", async () => {
    const query = serving();
    const seen: bigint[][] = [];
    for await (const batch of keysetBatches({}, [{ createdAt: "desc" }, { id: "desc" }], query, 3)) seen.push(batch.map((row) => row.id));
    expect(seen).toEqual([[7n, 6n, 5n], [4n, 3n, 2n], [1n]]);
    expect(query.calls.map((call) => call.lastId)).toEqual([null, 5n, 2n]);
  });

  it("asks for the next batch before the caller has finished with this one", async () => {
    const query = serving();
    const batches = keysetBatches({}, [{ createdAt: "desc" }, { id: "desc" }], query, 3);
    await batches.next();
    expect(query.calls).toHaveLength(2);
    await batches.return(undefined);
  });

  it("a caller that stops early leaves no failing read unheard", async () => {
    const query = serving(1);
    const batches = keysetBatches({}, [{ createdAt: "desc" }, { id: "desc" }], query, 3);
    expect((await batches.next()).value).toHaveLength(3);
    await batches.return(undefined);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(query.calls).toHaveLength(2);
  });
});
