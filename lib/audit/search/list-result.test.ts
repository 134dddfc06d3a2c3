import { describe, expect, it } from "vitest";
import {
  cappedCount,
  decodeCursor,
  encodeCursor,
  formatTotal,
  formatTotalOf,
  pageCount,
  pageOffset,
  pagerPages,
  positionOf,
  type PageResult,
} from "./list-result";

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
});

describe("the pager's positions", () => {
  const page7: PageResult = { page: 7, total: 1_234, totalIsCapped: false, firstRow: 151, nextCursor: "N", previousCursor: "P" };
  it("reads the pages beside this one by keyset, the last from the end, the first and any other by number", () => {
    expect(positionOf(8, page7, 50)).toEqual({ page: 8, after: "N" });
    expect(positionOf(6, page7, 50)).toEqual({ page: 6, before: "P" });
    expect(positionOf(50, page7, 50)).toEqual({ page: 50, before: "end" });
    expect(positionOf(1, page7, 50)).toEqual({ page: 1 });
    expect(positionOf(20, page7, 50)).toEqual({ page: 20 });
  });

  it("pages by number where there are no positions (lists not by time), and never asks for the end of a capped list", () => {
    const bySort = { ...page7, nextCursor: null, previousCursor: null };
    expect(positionOf(8, bySort, 50)).toEqual({ page: 8 });
    expect(positionOf(50, bySort, 50)).toEqual({ page: 50 });
    expect(positionOf(400, { ...page7, total: 10_000, totalIsCapped: true }, 400)).toEqual({ page: 400 });
  });
});

describe("pagerPages", () => {
  const exact: PageResult = { page: 3, total: 1234, totalIsCapped: false, firstRow: 51, nextCursor: "a", previousCursor: "b" };
  const capped: PageResult = { page: 7, total: 10_000, totalIsCapped: true, firstRow: 151, nextCursor: "a", previousCursor: "b" };

  it("offers every page of an exact total", () => {
    expect(pagerPages(exact, 25)).toEqual({ pages: 50, more: false });
    expect(pagerPages({ ...exact, total: 0, page: 1 }, 25)).toEqual({ pages: 1, more: false });
  });

  it("offers no last page past the cap: the next page, and more beyond it", () => {
    expect(pagerPages(capped, 25)).toEqual({ pages: 8, more: true });
    expect(pagerPages({ ...capped, page: 1, previousCursor: null }, 25)).toEqual({ pages: 2, more: true });
    expect(pagerPages({ ...capped, page: 400 }, 25)).toEqual({ pages: 401, more: true });
  });

  it("stops at the end of a capped list once no rows follow", () => {
    expect(pagerPages({ ...capped, page: 512, nextCursor: null }, 25)).toEqual({ pages: 512, more: false });
    expect(pagerPages({ ...capped, page: 9, firstRow: null, nextCursor: null }, 25)).toEqual({ pages: 9, more: false });
  });

  it("goes on page by page in a capped list sorted by something else than time (no cursors)", () => {
    expect(pagerPages({ ...capped, nextCursor: null, previousCursor: null }, 25)).toEqual({ pages: 8, more: true });
  });
});
