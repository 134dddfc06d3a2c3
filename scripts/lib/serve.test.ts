import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PEER_HEADER } from "@/lib/auth/client-address";
import { SERVER_NODE_FLAGS, SERVER_SCRIPT } from "./serve";

describe("the server's Node flags", () => {
  it("are the same for npm start as for the demo, the end-to-end server and the export bench", () => {
    const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toBe(`node ${SERVER_NODE_FLAGS.join(" ")} ${SERVER_SCRIPT}`);
  });
});

describe("the server script", () => {
  it("sets the peer header the app reads the client's address from", () => {
    expect(readFileSync(SERVER_SCRIPT, "utf8")).toContain(`const PEER_HEADER = "${PEER_HEADER}";`);
  });
});
