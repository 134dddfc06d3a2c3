import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi/openapi-document";
import { OCTANE_API_DOCS } from "./octane-docs";

// What an OpenAPI client of the Octane audits reads: both paths, their parameters as the routes take
// them, and a document OpenAPI's validator takes.
describe("the ALM Octane operations' docs", () => {
  const document = openApiDocument(OCTANE_API_DOCS, { version: "1", tags: [{ name: "ALM Octane" }] });
  const operation = (path: string) =>
    document.paths[path]?.get as {
      parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
      responses: Record<string, unknown>;
    };

  it("makes a valid OpenAPI 3.1 document", async () => {
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toMatchObject({ openapi: "3.1.0" });
  });

  it("lists each path's parameters as its route reads them, and its answers", () => {
    const workspace = operation("/api/shared_spaces/{space}/workspaces/{workspace}/audits");
    expect(workspace.parameters.map((parameter) => `${parameter.in} ${parameter.name} ${parameter.required}`)).toEqual([
      "path space true",
      "path workspace true",
      "query query false",
      "query offset false",
      "query limit false",
      "query cursor false",
      "query order_by false",
      "query fields false",
    ]);
    expect(workspace.parameters.find((parameter) => parameter.name === "limit")?.schema).toMatchObject({ type: "string", pattern: "^\\d{1,9}$" });
    expect(Object.keys(workspace.responses).sort()).toEqual(["200", "400", "401", "403", "404", "429", "503"]);
    const events = operation("/api/audit/events");
    expect(events.parameters.map((parameter) => parameter.name).at(-1)).toBe("source");
    expect(Object.keys(events.responses).sort()).toEqual(["200", "400", "401", "403", "429", "503"]);
  });
});
