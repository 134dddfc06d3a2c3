// The pages' pool cancels a query past DATABASE_STATEMENT_TIMEOUT_MS (answered 503 with Retry-After),
// while writers and the migration runner (withSession, withTransaction) and the bulk readers run as
// long as they need, on connections of their own. PostgreSQL only (but for the error test): PGlite
// has one in-process connection and no timeout.
import { afterAll, describe, expect, it, vi } from "vitest";
import { refusalAnswer } from "@/lib/api/refusals";
import { useScratchPostgres } from "@/lib/test/scratch-postgres";
import { isQueryCanceled } from "./database";

const serverUrl = process.env.TEST_DATABASE_URL;

describe.each(serverUrl ? [serverUrl] : [])("the statement timeout on PostgreSQL (%s)", (url) => {
  const scratch = useScratchPostgres(url, () => vi.stubEnv("DATABASE_STATEMENT_TIMEOUT_MS", "300"));
  afterAll(() => vi.unstubAllEnvs());

  async function failureOf(run: () => Promise<unknown>): Promise<unknown> {
    return run().then(
      () => {
        throw new Error("the query was not cancelled");
      },
      (error: unknown) => error,
    );
  }

  it("cancels a slow query of the pages, through pg and through Prisma, as 503 with Retry-After", async () => {
    for (const slow of [
      () => scratch.db.query("SELECT pg_sleep(20)"),
      () => scratch.db.reads.query("SELECT pg_sleep(20)"),
      () => scratch.db.prisma.$queryRawUnsafe("SELECT pg_sleep(20)"),
    ]) {
      const started = Date.now();
      const error = await failureOf(slow);
      // cancelled at 300 ms, long before the 20 s it asked for (the margin is for a loaded machine)
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(isQueryCanceled(error)).toBe(true);
      const answer = refusalAnswer(error);
      expect(answer?.status).toBe(503);
      expect(answer?.headers.get("Retry-After")).toBe("5");
      expect(await answer?.json()).toEqual({
        error: { code: "query_canceled", message: expect.stringMatching(/^The database took too long to answer/) },
      });
    }
    expect(await scratch.db.query<{ ok: number }>("SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
  });

  it("lets sessions, transactions and bulk readers run past it, and leaves the pool's connections with it", async () => {
    await scratch.db.withSession((session) => session.query("SELECT pg_sleep(0.5)"));
    await scratch.db.withTransaction((session) => session.query("SELECT pg_sleep(0.5)"));
    const reader = await scratch.db.openBulkReader();
    try {
      await reader.query("SELECT pg_sleep(0.5)");
    } finally {
      reader.release();
    }
    const settings = await Promise.all(Array.from({ length: 10 }, () => scratch.db.query<{ statement_timeout: string }>("SHOW statement_timeout")));
    expect(settings.flat().map((row) => row.statement_timeout)).toEqual(Array(10).fill("300ms"));
  });

  it("is no cancellation for other errors", async () => {
    expect(isQueryCanceled(await failureOf(() => scratch.db.query("SELECT 1/0")))).toBe(false);
  });
});

// The rest of the pages' pool story, and what runs without PostgreSQL too.
describe("a cancelled query, told from other errors", () => {
  it("is only PostgreSQL's 57014, through pg or Prisma's adapter", () => {
    expect(isQueryCanceled(Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" }))).toBe(true);
    expect(isQueryCanceled(new Error("wrapped", { cause: { originalCode: "57014" } }))).toBe(true);
    expect(isQueryCanceled(Object.assign(new Error("division by zero"), { code: "22012" }))).toBe(false);
    expect(isQueryCanceled(new Error("x"))).toBe(false);
    expect(isQueryCanceled(null)).toBe(false);
  });
});

describe.each(serverUrl ? [serverUrl] : [])("writers' connections on PostgreSQL (%s)", (url) => {
  // Writers (ingestion, the remover, the migration runner) take connections of a pool of their own:
  // fifty admins paging through the tabs held all of the pages' connections and ingestion queued
  // behind them (npm run test:load).
  const scratch = useScratchPostgres(url);

  it("stores a batch while every connection of the pages is busy, before any of their queries ends", async () => {
    const { db } = scratch;
    const ended: string[] = [];
    // 20 page queries of a second each on the pages' 10 connections: none ends within the first second
    const pages = Promise.all(Array.from({ length: 20 }, () => db.query("SELECT pg_sleep(1)").then(() => ended.push("page"))));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await db.withTransaction((session) => session.query("SELECT 1"));
    ended.push("batch");
    await db.withSession((session) => session.query("SELECT 1"));
    ended.push("session");
    await pages;
    expect(ended.slice(0, 2)).toEqual(["batch", "session"]);
  });
});
