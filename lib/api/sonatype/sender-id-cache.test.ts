import { describe, expect, it } from "vitest";
import { eventOf } from "./event-record-fixture";
import { MAX_HELD, SenderIdCache } from "./sender-id-cache";

const event = (actorId: number, artifactId: number | null = null) =>
  eventOf({
    category: "WORK_ITEM",
    eventType: "WORK_ITEM_UPDATE",
    actorId,
    actorName: `user${actorId}`,
    artifactId,
    artifactName: artifactId === null ? null : `item${artifactId}`,
    artifactKind: artifactId === null ? null : "WORK_ITEM",
    source: "alm",
  });

/** A directory where user n is "u-n" and artifact n is "a-n"; user 0 is a console account (no sender id). */
function directory() {
  const asked: Array<{ sql: string; params: unknown[] }> = [];
  const query = async <T>(sql: string, params: unknown[]): Promise<T[]> => {
    asked.push({ sql, params });
    const [users, artifacts] = [sql.includes('"User"') ? (params.shift() as number[]) : [], sql.includes('"Artifact"') ? (params.shift() as number[]) : []];
    const rows = [
      ...users.map((id) => ({ kind: "users", id, sourceId: id === 0 ? null : `u-${id}` })),
      ...artifacts.map((id) => ({ kind: "artifacts", id, sourceId: `a-${id}` })),
    ];
    return rows as T[];
  };
  return { asked, cache: new SenderIdCache(query) };
}

describe("the sender ids of a pull", () => {
  it("asks once a batch, only for ids it does not hold", async () => {
    const { asked, cache } = directory();
    await cache.load([event(1, 10), event(0, 11), event(1)]);
    expect(asked).toHaveLength(1);
    expect([cache.senderId("users", 1), cache.senderId("users", 0), cache.senderId("artifacts", 11), cache.senderId("users", null)]).toEqual([
      "u-1",
      undefined,
      "a-11",
      undefined,
    ]);
    await cache.load([event(1, 10), event(0)]);
    expect(asked).toHaveLength(1);
  });

  it("holds at most MAX_HELD ids of a kind, however many a pull names", async () => {
    const { asked, cache } = directory();
    for (let start = 0; start < 3 * MAX_HELD; start += 1_000) {
      await cache.load(Array.from({ length: 1_000 }, (_, index) => event(1, start + index)));
    }
    // The bound itself: what the cache holds (private, read here only).
    const held = (cache as unknown as { held: Map<string, Map<number, unknown>> }).held;
    expect(held.get("artifacts")!.size).toBeLessThanOrEqual(MAX_HELD);
    expect(cache.senderId("artifacts", 3 * MAX_HELD - 1)).toBe(`a-${3 * MAX_HELD - 1}`);
    expect(asked).toHaveLength(30);
  });
});
