import { describe, expect, it } from "vitest";
import { leaksIn } from "./hostile-leaks";

describe("leaksIn", () => {
  it.each([
    ["    at handle (/work/main/.next/server/chunks/ssr/app.js:12:34)", ["a stack frame", "a server file's path"]],
    ["    at async file:///srv/console/scripts/server.mjs:40:5", ["a stack frame", "a server file's path"]],
    ['{"message":"TypeError: Cannot read properties of undefined"}', ["an error's class"]],
    ['{"error":"Error: connect ECONNREFUSED"}', ["an error's message"]],
    ["Invalid `prisma.auditEvent.findMany()` invocation", ["Prisma"]],
    ['SELECT "id" FROM "AuditEvent" WHERE', ["SQL"]],
    ['syntax error at or near "\'"', ["a database error"]],
    ['invalid byte sequence for encoding "UTF8": 0x00', ["a database error"]],
  ])("finds what %j leaks", (body, found) => {
    expect(leaksIn(body)).toEqual(found);
  });

  it.each([
    '{"error":{"code":"BAD_REQUEST","message":"period.days: must be a whole number of days from 30 to 365","field":"period.days"}}',
    "<html><body><h1>Select the users</h1><p>Errors: none. Updated from the server at 08:00.</p></body></html>",
    '<script src="/_next/static/chunks/app/page-1a2b.js"></script>',
    "Nothing found from 2026-01-01 to 2026-02-01; deleted from the list.",
  ])("finds nothing in an honest answer: %j", (body) => {
    expect(leaksIn(body)).toEqual([]);
  });
});
