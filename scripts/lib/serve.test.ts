import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SERVER_NODE_FLAGS } from "./serve";

describe("the server's Node flags", () => {
  it("are the same for npm start as for the demo, the end-to-end server and the export bench", () => {
    const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toBe(`node ${SERVER_NODE_FLAGS.join(" ")} node_modules/next/dist/bin/next start`);
  });
});
