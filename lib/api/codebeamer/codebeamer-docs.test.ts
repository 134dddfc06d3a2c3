import { existsSync } from "node:fs";
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { openApiDocument } from "@/lib/api/openapi/openapi-document";
import { CODEBEAMER_API_DOCS } from "./codebeamer-docs";

// What an OpenAPI client of the Codebeamer lists reads: one POST per list, at a path a route
// answers, its body's fields those of the list's tab, and a document OpenAPI's validator takes.
describe("the Codebeamer v3 operations' docs", () => {
  const body = (name: string) => {
    const doc = CODEBEAMER_API_DOCS.find((operation) => operation.path.endsWith(`/${name}`))!;
    return z.toJSONSchema(doc.body!.schema, { io: "input" }) as { properties: Record<string, { anyOf: { items?: { enum?: string[] } }[] }> };
  };

  it("documents a POST for each list at the path its route file answers", () => {
    expect(CODEBEAMER_API_DOCS.map((doc) => `${doc.method} ${doc.path} ${doc.access}`)).toEqual([
      "post /api/v3/sysadmin/audit/permissions reader",
      "post /api/v3/sysadmin/audit/logins reader",
      "post /api/v3/sysadmin/audit/artifacts reader",
    ]);
    for (const doc of CODEBEAMER_API_DOCS) expect(existsSync(path.join(import.meta.dirname, "../../..", "app", doc.path, "route.ts")), doc.path).toBe(true);
  });

  it("offers each list the fields of its tab, and its event types by label", () => {
    const shared = ["eventTypes", "fromDate", "toDate", "duration", "showChanges", "source"];
    expect(Object.keys(body("permissions").properties)).toEqual(["userNames", "targetUserNames", "projectIds", "trackerIds", ...shared]);
    expect(Object.keys(body("logins").properties)).toEqual(["userNames", ...shared]);
    expect(Object.keys(body("artifacts").properties)).toEqual(["userNames", "projectIds", "trackerIds", ...shared]);
    expect(body("logins").properties.eventTypes!.anyOf[0]!.items!.enum).toEqual(["User Login", "User Logout", "User System Logout"]);
  });

  it("makes a valid OpenAPI 3.1 document, page and pageSize as query parameters", async () => {
    const document = openApiDocument(CODEBEAMER_API_DOCS, { version: "1", tags: [{ name: "Codebeamer" }] });
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toMatchObject({ openapi: "3.1.0" });
    const operation = document.paths["/api/v3/sysadmin/audit/logins"]!.post as {
      parameters: { name: string; in: string }[];
      responses: Record<string, unknown>;
    };
    expect(operation.parameters.map((parameter) => `${parameter.in} ${parameter.name}`)).toEqual(["query page", "query pageSize", "query source"]);
    expect(Object.keys(operation.responses).sort()).toEqual(["200", "400", "401", "403", "429", "503"]);
  });
});
