// A scratch database on the PostgreSQL server of a test, opened as the console opens one, and dropped
// after the describe block. `before` runs first (an environment stub the pools read when they open).
import { afterAll, beforeAll } from "vitest";
import { type Database, openDatabase } from "@/lib/db/database";
import { createScratchDatabase } from "@/lib/db/scratch-database";

export function useScratchPostgres(serverUrl: string, before?: () => void): { readonly db: Database } {
  const state = {} as { db: Database; drop?: () => Promise<void> };
  beforeAll(async () => {
    before?.();
    const scratch = await createScratchDatabase(serverUrl, "audit_test");
    state.drop = scratch.drop;
    state.db = openDatabase({ url: scratch.url });
  });
  afterAll(async () => {
    await state.db?.close();
    await state.drop?.();
  });
  return state;
}
