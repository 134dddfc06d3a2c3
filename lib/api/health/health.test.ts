import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as liveGet, HEAD as liveHead, POST as livePost } from "@/app/api/health/route";
import { DELETE as readyDelete, GET as readyGet, HEAD as readyHead } from "@/app/api/health/ready/route";
import { getDb, setDb, type Database } from "@/lib/db";
import { readMigrations } from "@/lib/db/migrations-folder";
import { useAppDatabase } from "@/lib/test/app-database";
import { testDatabases } from "@/lib/test/databases";
import { livenessSchema, notReadySchema, readySchema } from "./health-api-docs";
import { readiness, READY_RETRY_SECONDS } from "./readiness";

const MIGRATIONS = readMigrations().map((migration) => migration.name);

describe("GET /api/health", () => {
  it("answers 200 { status: ok } without a database", async () => {
    setDb(undefined);
    const answer = await liveGet();
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(livenessSchema.parse(await answer.json())).toEqual({ status: "ok" });
    const head = await liveHead();
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it("refuses other methods with 405, Allow and the one error shape (both health checks)", async () => {
    for (const [handler, method] of [
      [livePost, "POST"],
      [readyDelete, "DELETE"],
    ] as const) {
      const answer = await handler(new Request("http://console.test/api/health", { method }), { params: Promise.resolve({}) });
      expect(answer.status).toBe(405);
      expect(answer.headers.get("Allow")).toBe("GET, HEAD");
      expect(await answer.json()).toEqual({ error: { code: "method_not_allowed", message: `${method} is not allowed here; use GET or HEAD.` } });
    }
  });
});

for (const { name, open } of testDatabases()) {
  describe(`GET /api/health/ready on ${name}`, () => {
    const state = useAppDatabase(open);

    afterEach(async () => {
      vi.restoreAllMocks();
      setDb(state.db);
    });

    it("answers 200 with every migration of the folder applied", async () => {
      const answer = await readyGet();
      expect(answer.status).toBe(200);
      expect(answer.headers.get("retry-after")).toBeNull();
      const body = readySchema.parse(await answer.json());
      expect(body.checks.migrations).toEqual({ ok: true, expected: MIGRATIONS.length, applied: MIGRATIONS.length, pending: [] });
      expect(body.checks.database.ok).toBe(true);
      expect(MIGRATIONS.length).toBeGreaterThan(5);
      const head = await readyHead();
      expect(head.status).toBe(200);
      expect(await head.text()).toBe("");
    });

    it("answers 503 with Retry-After naming a migration the database lacks", async () => {
      const last = MIGRATIONS.at(-1) as string;
      await state.db.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1`, [last]);
      try {
        const answer = await readyGet();
        expect(answer.status).toBe(503);
        expect(answer.headers.get("retry-after")).toBe(String(READY_RETRY_SECONDS));
        const body = notReadySchema.parse(await answer.json());
        expect(body.checks.migrations).toEqual({ ok: false, expected: MIGRATIONS.length, applied: MIGRATIONS.length - 1, pending: [last] });
        expect(body.error.message).toBe(
          `1 of ${MIGRATIONS.length} migrations are not applied (${last}): run the migrations (npm run db:migrate), then ask again.`,
        );
      } finally {
        await state.db.query(`UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name = $1`, [last]);
      }
    });

    it("answers 503 when the database does not answer in time, and shares one check among callers", async () => {
      let calls = 0;
      const stalled = {
        ...state.db,
        query: () => {
          calls += 1;
          return new Promise<never>(() => {});
        },
      } as Database;
      setDb(stalled);
      const results = await Promise.all([readiness(50), readiness(50), readiness(50)]);
      expect(calls).toBe(1);
      expect(results[1]).toBe(results[0]);
      const body = notReadySchema.parse(results[0]);
      expect(body.error.message).toBe("The database did not answer within 50 ms.");
      expect(body.checks.database.ok).toBe(false);
      expect(body.checks.migrations).toEqual({
        ok: false,
        expected: MIGRATIONS.length,
        applied: 0,
        pending: MIGRATIONS,
        message: "Not checked: the database did not answer.",
      });
    });

    it("answers 503 without the database's error text when the query fails", async () => {
      const log = vi.spyOn(console, "error").mockImplementation(() => {});
      setDb({ ...state.db, query: async () => Promise.reject(new Error("password authentication failed for user secret_role")) } as Database);
      const answer = await readyGet();
      expect(answer.status).toBe(503);
      const text = await answer.text();
      expect(text).not.toContain("secret_role");
      expect(notReadySchema.parse(JSON.parse(text)).error.message).toBe(
        "The database could not be queried (or holds no migrations table); the server log says why.",
      );
      expect(log).toHaveBeenCalledTimes(1);
      expect(getDb()).not.toBe(state.db);
    });
  });
}
