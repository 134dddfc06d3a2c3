// A tab whose search the database could not answer (a query cancelled past the statement timeout,
// or no free connection) shows why in the list's place, with what to do; anything else goes to error.tsx.
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/database";
import { useAppDatabase } from "@/lib/test/app-database";
import { DataTableError } from "./data-table-states";
import { SearchResults } from "./search-results";

const canceled = Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" });
const poolTimeout = new Error("timeout exceeded when trying to connect");

describe("SearchResults when the database does not answer", () => {
  useAppDatabase(async () => openDatabase({ dataDir: "memory://" }));
  const results = (failure: Error) =>
    SearchResults({
      load: () => Promise.reject(failure),
      size: 25,
      timeZone: "UTC",
      empty: { title: "No events" },
      firstPageHref: "/audit/logins",
      table: () => null,
    });

  it("shows a cancelled query and a full pool as the list's error", async () => {
    const shown = await results(canceled);
    expect(shown.type).toBe(DataTableError);
    expect(shown.props).toEqual({
      title: "The database is busy",
      message: "The database took too long to answer and the query was cancelled. Try again in a few seconds, or narrow the date range or the filters.",
    });
    expect((await results(poolTimeout)).props).toEqual({
      title: "The database is busy",
      message: "Every database connection is in use; the request was not run. Try again in a few seconds.",
    });
  });

  it("leaves any other failure to the tab's error page", async () => {
    await expect(results(new Error("disk on fire"))).rejects.toThrow("disk on fire");
  });
});
