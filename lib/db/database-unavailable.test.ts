import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { refusalAnswer } from "@/lib/api/refusals";
import { testDatabases } from "@/lib/test/databases";
import { isDatabaseUnavailable } from "./database";
import { freePort } from "../../scripts/lib/serve";

/** What pg throws when nothing listens where the database should be. */
async function refusedConnection(): Promise<unknown> {
  const client = new pg.Client({ host: "127.0.0.1", port: await freePort(), user: "nobody", connectionTimeoutMillis: 2_000 });
  return client.connect().then(
    () => null,
    (error: unknown) => error,
  );
}

describe("a database that is down or restarting", () => {
  it("is told from pg's refused connection, the adapter's wrapping of a shutdown and Prisma's P1001", async () => {
    const refused = await refusedConnection();
    expect(isDatabaseUnavailable(refused)).toBe(true);
    const shutdown = new DriverAdapterError({
      kind: "postgres",
      code: "57P01",
      severity: "FATAL",
      message: "terminating connection due to administrator command",
      detail: undefined,
      column: undefined,
      hint: undefined,
    });
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error("Invalid `prisma.apiToken.findUnique()` invocation"), { code: "P2039", meta: { driverAdapterError: shutdown } }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("Can't reach database server"), { code: "P1001" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
  });

  it("is not any other database error", () => {
    const duplicate = new DriverAdapterError({
      kind: "postgres",
      code: "23505",
      severity: "ERROR",
      message: "duplicate key value",
      detail: undefined,
      column: undefined,
      hint: undefined,
    });
    expect(isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002", meta: { driverAdapterError: duplicate } }))).toBe(false);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
  });

  it("answers 503 with Retry-After in the one error shape", async () => {
    const answer = refusalAnswer(await refusedConnection());
    expect(answer?.status).toBe(503);
    expect(answer?.headers.get("Retry-After")).toBe("5");
    expect(await answer?.json()).toEqual({
      error: { code: "database_unavailable", message: "The database is not answering (restarting or unreachable); try again in a few seconds." },
    });
  });
});

for (const target of testDatabases().filter((each) => each.name === "PostgreSQL")) {
  describe(`a session that ${target.name} ends between two queries`, () => {
    it("fails the work that holds it, not the process, and the next work gets a new connection", async () => {
      const database = await target.open();
      try {
        const ended = database.withTransaction(async (session) => {
          const [row] = await session.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
          await database.query("SELECT pg_terminate_backend($1)", [row?.pid]);
          // the server's notice arrives while the connection is checked out and idle: an 'error' event
          await new Promise((resolve) => setTimeout(resolve, 300));
          await session.query("SELECT 1");
        });
        const failure = await ended.then(
          () => null,
          (error: unknown) => error,
        );
        expect(isDatabaseUnavailable(failure)).toBe(true);
        expect(await database.withSession((session) => session.query("SELECT 1 AS one"))).toEqual([{ one: 1 }]);
      } finally {
        await database.close();
      }
    });
  });
}
