// The server a hostile run attacks when it is given no --url: the production build (built first when
// stale) on a PGlite folder of its own with the e2e seed, a read token and an ingest token made
// before it starts (PGlite is one process's: the server holds the folder after).
import { rmSync } from "node:fs";
import path from "node:path";
import { createApiToken } from "../../lib/auth/api-tokens/api-tokens";
import { runAs } from "../../lib/auth/principal-context";
import { setDb } from "../../lib/db";
import { openDatabase } from "../../lib/db/database";
import { ensureBuild } from "../lib/build-stamp";
import { freePort } from "../lib/serve";
import { prepareTestDatabase, startTestServer } from "../lib/test-server";

export interface Attacked {
  url: string;
  readToken?: string;
  ingestToken?: string;
  stop(): Promise<void>;
}

const SEED_EVENTS = 3_000;

async function makeTokens(dataDir: string): Promise<{ readToken: string; ingestToken: string }> {
  const database = openDatabase({ dataDir });
  setDb(database);
  const principal = { userId: null, username: "hostile-test", displayName: "hostile-test", role: "ADMIN" as const, sessionId: null };
  try {
    return await runAs(principal, async () => {
      const spec = { source: "hostile-test", expiresInDays: 1 };
      const read = await createApiToken({ ...spec, name: "hostile read", scopes: ["read"] });
      const ingest = await createApiToken({ ...spec, name: "hostile ingest", scopes: ["ingest"] });
      return { readToken: read.secret, ingestToken: ingest.secret };
    });
  } finally {
    setDb(undefined);
    await database.close();
  }
}

/** Seeds a database of its own, makes the tokens and serves the build on a free port. */
export async function startAttackedServer(log: (line: string) => void): Promise<Attacked> {
  const port = await freePort();
  const dataDir = path.resolve(".data", `hostile-${port}`, "pglite");
  log(`seeding ${SEED_EVENTS.toLocaleString("en-US")} events into ${dataDir}`);
  await prepareTestDatabase({ dataDir }, SEED_EVENTS);
  const tokens = await makeTokens(dataDir);
  ensureBuild(log);
  const server = await startTestServer({ port, location: { dataDir }, ownLifetime: true });
  return {
    url: server.url,
    ...tokens,
    stop: async () => {
      await server.stop();
      rmSync(path.dirname(dataDir), { recursive: true, force: true });
    },
  };
}
