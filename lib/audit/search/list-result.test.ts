import { describe, expect, it } from "vitest";
import { cursorWhere } from "./filter-query";
import { cappedCount, decodeCursor, encodeCursor, formatTotal, formatTotalOf, pageCount, pageOffset, shownRange } from "./list-result";

describe("paging math", () => {
  it("turns a page number into an offset", () => {
    expect(pageOffset(1, 25)).toBe(0);
    expect(pageOffset(2, 25)).toBe(25);
    expect(pageOffset(3, 100)).toBe(200);
  });

  it("counts pages, at least one", () => {
    expect(pageCount(0, 25)).toBe(1);
    expect(pageCount(25, 25)).toBe(1);
    expect(pageCount(26, 25)).toBe(2);
    expect(pageCount(1234, 50)).toBe(25);
    expect(pageCount(10_000, 25)).toBe(400);
  });

  it("says which rows a page shows", () => {
    expect(shownRange(2, 25, 25)).toEqual({ first: 26, last: 50 });
    expect(shownRange(50, 25, 9)).toEqual({ first: 1226, last: 1234 });
    expect(shownRange(1, 25, 0)).toBeNull();
  });

  it("formats totals with the cap", () => {
    expect(formatTotal(1234, false)).toBe("1,234");
    expect(formatTotal(10_000, true)).toBe("10,000+");
    expect(formatTotalOf(1, false, "event")).toBe("1 event");
    expect(formatTotalOf(0, false, "event")).toBe("0 events");
    expect(formatTotalOf(10_000, true, "event")).toBe("10,000+ events");
  });
});

describe("cappedCount", () => {
  it("asks for one row more than the cap and reports whether it was reached", async () => {
    const takes: number[] = [];
    const counter = (rows: number) => async (take: number) => {
      takes.push(take);
      return Math.min(rows, take);
    };
    expect(await cappedCount(counter(10_000))).toEqual({ total: 10_000, totalIsCapped: false });
    expect(await cappedCount(counter(10_001))).toEqual({ total: 10_000, totalIsCapped: true });
    expect(await cappedCount(counter(3))).toEqual({ total: 3, totalIsCapped: false });
    expect(takes).toEqual([10_001, 10_001, 10_001]);
  });
});

describe("cursors", () => {
  it("round-trip", () => {
    const cursor = encodeCursor(new Date("2026-03-16T09:00:00.123Z"), 98765n);
    expect(cursor).toBe("2026-03-16T09:00:00.123Z,98765");
    expect(decodeCursor(cursor)).toEqual({ createdAt: new Date("2026-03-16T09:00:00.123Z"), id: 98765n });
  });

  it("refuse anything else", () => {
    for (const bad of ["", "2026-03-16,5", "2026-03-16T09:00:00.000Z", "2026-03-16T09:00:00.000Z,-5", "x,5"]) {
      expect(decodeCursor(bad)).toBeNull();
    }
  });

  it("continue after the row in either direction", () => {
    const at = new Date("2026-03-16T09:00:00.000Z");
    expect(cursorWhere(encodeCursor(at, 7n), "desc")).toEqual({
      OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: 7n } }],
    });
    expect(cursorWhere(encodeCursor(at, 7n), "asc")).toEqual({
      OR: [{ createdAt: { gt: at } }, { createdAt: at, id: { gt: 7n } }],
    });
  });
});
