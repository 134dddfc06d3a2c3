import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { sourceEntries } from "@/scripts/lib/app-routes";
import { UNDECLARED_METHOD } from "../api-route";
import { API_CATALOG, API_TAGS } from "./api-catalog";
import { openApiDocument } from "./openapi-document";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const DOCUMENT = openApiDocument(API_CATALOG, { serverUrl: "https://audit.example.com", version: "1.0.0", tags: API_TAGS });

// What answers at no documented path: next-auth's own endpoints, and the JSON 404 of every path
// nothing answers (app/api/[...missing], the bare prefixes).
const UNDOCUMENTED = new Set(["/api/auth/{...nextauth}", "/api/{...missing}", "/api", "/rest/{...missing}", "/rest"]);

/** "/api/export/[file]/route" -> "/api/export/{file}"; route groups left out. */
function openApiPath(entry: string): string {
  const segments = entry
    .replace(/\/route$/, "")
    .split("/")
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .map((segment) => segment.replace(/^\[(.+)\]$/, "{$1}"));
  return `/${segments.join("/")}`;
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route handler under app/api and app/rest, with the methods it declares (api-route.ts marks the others). */
async function routeHandlers(): Promise<Array<{ path: string; methods: string[] }>> {
  const entries = sourceEntries(path.join(ROOT, "app")).filter((entry) => /^\/(api|rest)(\/|$)/.test(entry) && entry.endsWith("/route"));
  const routes = [];
  for (const entry of entries) {
    const routePath = openApiPath(entry);
    if (UNDOCUMENTED.has(routePath)) continue;
    const module = (await import(path.join(ROOT, "app", `${entry}.ts`))) as Record<string, unknown>;
    const methods = METHODS.filter(
      (method) => typeof module[method] === "function" && !(module[method] as unknown as Record<symbol, unknown>)[UNDECLARED_METHOD],
    );
    routes.push({ path: routePath, methods: methods.map((method) => method.toLowerCase()) });
  }
  return routes;
}

describe("the OpenAPI document", () => {
  it("documents every method of every route handler under app/api and app/rest, and nothing else", async () => {
    const routes = await routeHandlers();
    expect(routes.length).toBeGreaterThanOrEqual(5);
    const inCode = routes.flatMap((route) => route.methods.map((method) => `${method.toUpperCase()} ${route.path}`)).sort();
    const documented = Object.entries(DOCUMENT.paths)
      .flatMap(([documentedPath, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${documentedPath}`))
      .sort();
    expect(documented).toEqual(inCode);
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    // validate() dereferences the document in place: give it a copy.
    const checked = await SwaggerParser.validate(structuredClone(DOCUMENT) as never);
    expect((checked as { openapi?: string }).openapi).toBe("3.1.0");
  });

  it("takes the bodies and answers from the routes' own zod schemas", () => {
    const ingest = DOCUMENT.paths["/api/audit/events"].post as {
      requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> };
    };
    const events = ingest.requestBody.content["application/json"].schema.properties.events as { maxItems: number; items: { required: string[] } };
    expect(events.maxItems).toBe(1000);
    expect(events.items.required).toEqual(expect.arrayContaining(["id", "type", "createdAt", "actor"]));
    const retention = DOCUMENT.paths["/api/audit/config/retention"].put as { security: unknown[]; responses: Record<string, unknown> };
    expect(retention.security).toEqual([{ consoleSession: [] }]);
    expect(Object.keys(retention.responses).sort()).toEqual(["200", "400", "401", "403", "429", "503"]);
  });

  it("names each operation once, with a server and the token schemes", () => {
    const ids = Object.values(DOCUMENT.paths).flatMap((item) => Object.values(item).map((operation) => (operation as { operationId: string }).operationId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(DOCUMENT.servers).toEqual([{ url: "https://audit.example.com" }]);
    expect(Object.keys(DOCUMENT.components.securitySchemes)).toEqual(["apiToken", "apiTokenBasic", "consoleSession"]);
  });

  it("refuses two operations on one path and method", () => {
    expect(() => openApiDocument([API_CATALOG[0], API_CATALOG[0]], { version: "1", tags: [] })).toThrow(/Two operations document POST \/api\/audit\/events/);
  });
});
