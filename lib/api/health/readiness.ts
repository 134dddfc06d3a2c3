// Whether this server can serve: its database answers within a short limit and records every
// migration of the server's prisma/migrations folder as applied. Callers that ask while a check runs
// share it, so a flood of probes holds at most one database connection.
import "server-only";
import { getDb } from "@/lib/db";
import { readMigrations } from "@/lib/db/migrations-folder";
import type { Readiness } from "./health-api-docs";

/** How long the database may take to answer: a load balancer's probe waits little longer. */
export const READY_TIMEOUT_MS = 2000;
/** What a client told "not ready" waits before asking again, in seconds. */
export const READY_RETRY_SECONDS = 10;

// The folder is part of the build: read once, not on every probe.
let expectedMigrations: string[] | undefined;

class CheckTimeout extends Error {}

function withinLimit<T>(work: Promise<T>, milliseconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout()), milliseconds);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

async function check(timeoutMs: number): Promise<Readiness> {
  expectedMigrations ??= readMigrations().map((migration) => migration.name);
  const expected = expectedMigrations;
  const started = performance.now();
  let applied: Set<string> | null = null;
  let failure: string | undefined;
  try {
    // A migration counts once it finished and was not rolled back: what `prisma migrate deploy` counts.
    const rows = await withinLimit(
      getDb().query<{ name: string }>(`SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`),
      timeoutMs,
    );
    applied = new Set(rows.map((row) => row.name));
  } catch (error) {
    if (error instanceof CheckTimeout) failure = `The database did not answer within ${timeoutMs} ms.`;
    else {
      // The error's text may name hosts or roles: it goes to the server log, not to a public answer.
      console.error("Readiness check: the database query failed:", error);
      failure = "The database could not be queried (or holds no migrations table); the server log says why.";
    }
  }
  const milliseconds = Math.round(performance.now() - started);
  const database = failure ? { ok: false, milliseconds, message: failure } : { ok: true, milliseconds };
  const pending = applied ? expected.filter((name) => !applied.has(name)) : expected;
  const migrations = {
    ok: applied !== null && pending.length === 0,
    expected: expected.length,
    applied: expected.length - pending.length,
    pending,
    ...(applied === null ? { message: "Not checked: the database did not answer." } : {}),
  };
  if (database.ok && migrations.ok) return { status: "ready", checks: { database, migrations } };
  const message = !database.ok
    ? (failure as string)
    : `${pending.length} of ${expected.length} migrations are not applied (${pending.join(", ")}): run the migrations (npm run db:migrate), then ask again.`;
  return { status: "unavailable", error: { code: "not_ready", message }, checks: { database, migrations } };
}

let running: Promise<Readiness> | null = null;

/** The readiness of this server, from one check that concurrent callers share. */
export function readiness(timeoutMs = READY_TIMEOUT_MS): Promise<Readiness> {
  running ??= check(timeoutMs).finally(() => {
    running = null;
  });
  return running;
}

/** The answer a load balancer reads: 200 when ready, else 503 with Retry-After; never cached. */
export async function readinessAnswer(): Promise<Response> {
  const result = await readiness();
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (result.status !== "ready") headers["Retry-After"] = String(READY_RETRY_SECONDS);
  return Response.json(result, { status: result.status === "ready" ? 200 : 503, headers });
}
