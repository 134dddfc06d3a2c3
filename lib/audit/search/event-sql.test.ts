import { describe, expect, it } from "vitest";
import { selectEvents } from "./event-sql";

describe("selectEvents", () => {
  it("turns a tab's where and orderBy into parameterised SQL", () => {
    const from = new Date("2026-01-01T00:00:00Z");
    const { sql, params } = selectEvents({
      where: {
        AND: [
          { category: "WORK_ITEM", actorId: { in: [3, 4] }, eventType: undefined, createdAt: { gte: from, lt: new Date("2026-02-01T00:00:00Z") } },
          { projectName: { not: null } },
        ],
      },
      orderBy: [{ projectName: { sort: "asc", nulls: "last" } }, { createdAt: "desc" }, { id: "desc" }],
      take: 1000,
    });
    expect(sql).toMatch(/^SELECT "id", "category", .* FROM "AuditEvent" WHERE /);
    expect(sql).toContain(`WHERE (("category" = $1 AND "actorId" IN ($2, $3) AND "createdAt" >= $4 AND "createdAt" < $5) AND "projectName" IS NOT NULL)`);
    expect(sql).toContain(`ORDER BY "projectName" ASC NULLS LAST, "createdAt" DESC, "id" DESC LIMIT $6`);
    expect(params).toEqual(["WORK_ITEM", 3, 4, from, new Date("2026-02-01T00:00:00Z"), 1000]);
  });

  it("writes keyset conditions: OR of ANDs, nulls, bigint ids as text, an empty list as FALSE", () => {
    const { sql, params } = selectEvents({
      where: { OR: [{ trackerName: null, id: { lt: 42n } }, { eventType: { in: [] } }] },
      orderBy: [{ id: "desc" }],
      take: 10,
    });
    expect(sql).toContain(`WHERE (("trackerName" IS NULL AND "id" < $1) OR FALSE)`);
    expect(params).toEqual(["42", 10]);
  });

  it("says a change of one field as jsonb containment, its list a JSON parameter", () => {
    const { sql, params } = selectEvents({ where: { changes: { array_contains: [{ field: "Severity" }] } }, orderBy: [{ id: "asc" }], take: 5 });
    expect(sql).toContain(`WHERE "changes"::jsonb @> $1::jsonb ORDER BY`);
    expect(params).toEqual(['[{"field":"Severity"}]', 5]);
  });

  it("refuses a column the table does not have and a condition it does not know", () => {
    expect(() => selectEvents({ where: { ["nope; DROP TABLE x" as "id"]: 1 }, orderBy: [{ id: "asc" }], take: 1 })).toThrow(/unknown AuditEvent column/);
    expect(() => selectEvents({ where: { actorName: { contains: "a" } }, orderBy: [{ id: "asc" }], take: 1 })).toThrow(
      /"contains" on actorName is not supported/,
    );
  });
});
