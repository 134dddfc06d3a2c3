// Writers (ingestion, the remover, the migration runner) take connections of a pool of their own:
// fifty admins paging through the tabs held all of the pages' connections and ingestion queued
// behind them (npm run test:load). PostgreSQL only: PGlite has one in-process connection.
import { describe, expect, it } from "vitest";
import { useScratchPostgres } from "@/lib/test/scratch-postgres";

const serverUrl = process.env.TEST_DATABASE_URL;

describe.each(serverUrl ? [serverUrl] : [])("writers' connections on PostgreSQL (%s)", (url) => {
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
