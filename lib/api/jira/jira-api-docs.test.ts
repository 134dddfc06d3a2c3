import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { JIRA_API_DOCS } from "./jira-api-docs";

const ROOT = path.resolve(import.meta.dirname, "../../..");

describe("the Jira API's operation docs", () => {
  it("name routes that exist, with the methods they declare", async () => {
    for (const doc of JIRA_API_DOCS) {
      const file = path.join(ROOT, "app", doc.path, "route.ts");
      expect(existsSync(file), file).toBe(true);
      const route = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      expect(typeof route[doc.method.toUpperCase()], `${doc.method} ${doc.path}`).toBe("function");
    }
  });

  it("turn into JSON Schema: inputs as clients send them, answers as the routes write them", () => {
    for (const doc of JIRA_API_DOCS) {
      for (const input of [doc.query, doc.body?.schema]) if (input) expect(() => z.toJSONSchema(input, { io: "input" })).not.toThrow();
      for (const response of Object.values(doc.responses)) if (response.schema) expect(() => z.toJSONSchema(response.schema as z.ZodType)).not.toThrow();
    }
    const query = z.toJSONSchema(JIRA_API_DOCS[0].query as z.ZodType, { io: "input" }) as { properties: Record<string, { type: string }> };
    expect(Object.keys(query.properties)).toEqual([
      "from",
      "to",
      "offset",
      "pageCursor",
      "limit",
      "userIds",
      "categories",
      "actions",
      "affectedObject",
      "search",
      "outputFormat",
      "scanLimit",
      "afterId",
      "source",
    ]);
    expect(query.properties.limit.type).toBe("string");
  });
});
