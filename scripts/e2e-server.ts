// The server the Playwright tests run against: a fresh embedded database of its own (so it never
// touches the demo data), seeded with the demo seed, and the production build on E2E_PORT.
import path from "node:path";
import { ensureBuild } from "./lib/build-stamp";
import { prepareTestDatabase, startTestServer } from "./lib/test-server";

const port = Number(process.env.E2E_PORT);
const dev = process.env.E2E_DEV === "1";
const dataDir = path.resolve(".data", `e2e-${port}`, "pglite");

async function main(): Promise<void> {
  await prepareTestDatabase({ dataDir }, Number(process.env.E2E_SEED_EVENTS ?? 40_000));
  if (!dev) ensureBuild();
  const server = await startTestServer({ port, dev, location: { dataDir } });
  console.log(`e2e server ready at ${server.url}`);
}

main().catch((error: unknown) => {
  console.error(`e2e server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
