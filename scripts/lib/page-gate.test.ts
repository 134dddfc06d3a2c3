// The page gate of scripts/server.mjs, in front of a stand-in for Next's handler that takes its time:
// pages take turns and overflow answers 503 with Retry-After; APIs and files pass; a browser that
// leaves gives its place up.
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { config } from "@/proxy";
import { createPageGate, isPageRequest, PAGE_RETRY_AFTER_SECONDS } from "./page-gate.mjs";

interface Answer {
  status: number;
  headers: IncomingMessage["headers"];
  body: string;
}

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A server whose "renders" take `ms` each, counting how many ran at once. */
async function gatedServer(ms: number, options: { limit: number; queue: number; waitMs: number }) {
  const seen = { concurrent: 0, peak: 0, rendered: [] as string[] };
  const slowHandler = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    seen.concurrent += 1;
    seen.peak = Math.max(seen.peak, seen.concurrent);
    setTimeout(() => {
      seen.concurrent -= 1;
      seen.rendered.push(incoming.url ?? "");
      outgoing.end("rendered");
    }, ms);
  };
  const gate = createPageGate(slowHandler, options);
  server = createServer(gate);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const get = (path: string) =>
    new Promise<Answer>((resolve, reject) => {
      request({ host: "127.0.0.1", port, path, agent: false }, (response) => {
        let body = "";
        response.on("data", (chunk) => {
          body += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      })
        .on("error", reject)
        .end();
    });
  return { seen, gate, port, get };
}

describe("the page gate", () => {
  it("lets `limit` pages render at once, queues the next ones, and answers the overflow 503 with Retry-After", async () => {
    const { seen, get } = await gatedServer(150, { limit: 2, queue: 3, waitMs: 5_000 });
    const answers = await Promise.all(Array.from({ length: 7 }, (_, index) => get(`/audit/logins?page=${index}`)));
    expect(seen.peak).toBe(2);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(5);
    const busy = answers.filter((answer) => answer.status === 503);
    expect(busy).toHaveLength(2);
    for (const answer of busy) {
      expect(answer.headers["retry-after"]).toBe(String(PAGE_RETRY_AFTER_SECONDS));
      expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(answer.headers["x-frame-options"]).toBe("DENY");
      expect(answer.headers.connection).toBe("close");
      expect(answer.body).toContain("<h1>The console is busy</h1>");
      expect(answer.body).toContain(`<meta http-equiv="refresh" content="${PAGE_RETRY_AFTER_SECONDS}">`);
    }
  });

  it("answers a page that waited longer than waitMs 503, and renders the rest", async () => {
    const { get, seen } = await gatedServer(400, { limit: 1, queue: 10, waitMs: 200 });
    const [first, second] = await Promise.all([get("/audit/logins"), get("/audit/artifacts")]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(503);
    expect(seen.rendered).toEqual(["/audit/logins"]);
  });

  it("lets API routes, Next's files and public files past the gate, however busy the pages are", async () => {
    const { get, seen } = await gatedServer(300, { limit: 1, queue: 1, waitMs: 5_000 });
    const pages = Promise.all([get("/audit/logins"), get("/audit/console")]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const passing = await Promise.all(["/api/audit/events", "/rest/auditing/1.0/events", "/_next/static/chunk.js", "/favicon.ico", "/avatars/a.png"].map(get));
    expect(passing.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(seen.peak).toBeGreaterThan(1);
    expect((await pages).map((answer) => answer.status)).toEqual([200, 200]);
  });

  it("gives the place of a browser that left the line to the next one", async () => {
    const { get, gate, port } = await gatedServer(300, { limit: 1, queue: 1, waitMs: 5_000 });
    const first = get("/audit/logins");
    await new Promise((resolve) => setTimeout(resolve, 30));
    const leaving = request({ host: "127.0.0.1", port, path: "/audit/console", agent: false });
    leaving.on("error", () => undefined);
    leaving.end();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(gate.state()).toMatchObject({ running: 1, waiting: 1 });
    leaving.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(gate.state()).toMatchObject({ running: 1, waiting: 0 });
    expect((await Promise.all([first, get("/audit/permissions")])).map((answer) => answer.status)).toEqual([200, 200]);
    expect(gate.state()).toMatchObject({ running: 0, waiting: 0 });
  });

  it("gates exactly the paths proxy.ts's matcher sends through the proxy", () => {
    const matcher = new RegExp(`^${config.matcher[0]}$`);
    const paths = [
      "/",
      "/login",
      "/audit/logins",
      "/audit/changes/12",
      "/users/4",
      "/settings/api-tokens",
      "/apiary",
      "/restore",
      "/api",
      "/api/health",
      "/rest",
      "/rest/auditing/1.0/events",
      "/_next/static/x.js",
      "/avatars/a.svg",
      "/favicon.ico",
      "/robots.txt",
      "/settings/api-reference/scalar.js",
    ];
    for (const path of paths) expect([path, isPageRequest(`${path}?range=Today`)]).toEqual([path, matcher.test(path)]);
  });
});
