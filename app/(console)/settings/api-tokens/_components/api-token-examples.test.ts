import { describe, expect, it } from "vitest";
import { ingestEventSchema } from "@/lib/ingest/ingest-schema";
import { exampleBatch, tokenExamples } from "./api-token-examples";

const SECRET = `acon_${"a".repeat(43)}`;
const AT = new Date("2026-03-16T09:30:00Z");

describe("the examples shown with a new token's secret", () => {
  it("send an event the ingestion API accepts", () => {
    for (const event of exampleBatch(AT).events) expect(ingestEventSchema(() => AT.getTime()).safeParse(event).success).toBe(true);
  });

  it("are a POST of the batch for ingest and a GET for read, with the token as Bearer", () => {
    const [ingest, read] = tokenExamples("https://audit.example.com", SECRET, ["ingest", "read"], AT);
    expect(ingest?.command).toContain("curl -X POST 'https://audit.example.com/api/audit/events'");
    expect(ingest?.command).toContain(`-H 'Authorization: Bearer ${SECRET}'`);
    const body = ingest?.command.split("-d '")[1]?.slice(0, -1);
    expect(JSON.parse(body ?? "")).toEqual(exampleBatch(AT));
    expect(read?.command).toBe(`curl 'https://audit.example.com/api/audit/config/retention' \\\n  -H 'Authorization: Bearer ${SECRET}'`);
    expect(tokenExamples("http://localhost:3000", SECRET, ["read"], AT).map((example) => example.scope)).toEqual(["read"]);
  });
});
