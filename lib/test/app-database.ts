// A test block's database: opened before its tests, made the app's database (getDb) while they
// run, closed after them. The returned object is filled once beforeAll has run.
import { afterAll, beforeAll } from "vitest";
import { setDb, type Database } from "@/lib/db";

export function useAppDatabase(open: () => Promise<Database>): { readonly db: Database } {
  const state = {} as { db: Database };
  beforeAll(async () => {
    state.db = await open();
    setDb(state.db);
  });
  afterAll(async () => {
    setDb(undefined);
    await state.db?.close();
  });
  return state;
}
