// The setup every test of the tabs' fixture shares: a database per block with the fixture written,
// made the app's database while the block runs, and the auditor the searches run as.
import { beforeAll } from "vitest";
import { writeFixture, type FixtureIds } from "@/lib/test/tab-fixture";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import type { Database } from "@/lib/db";
import { useAppDatabase } from "./app-database";

export const AUDITOR: Principal = { userId: 1, username: "auditor", displayName: "Auditor", role: "AUDITOR", sessionId: null };

export const asAuditor = <T>(work: () => Promise<T>): Promise<T> => runAs(AUDITOR, work);

export interface TabFixture {
  readonly db: Database;
  readonly ids: FixtureIds;
}

/** useAppDatabase with the fixture written. Registers the block's beforeAll/afterAll; the returned object is filled once beforeAll has run. */
export function useTabFixture(open: () => Promise<Database>): TabFixture {
  const state = useAppDatabase(open) as { db: Database; ids: FixtureIds };
  beforeAll(async () => {
    state.ids = await writeFixture(state.db);
  });
  return state;
}
