// The console's HTTP server (npm start, the demo, the end-to-end server): Next.js's own request
// handler, plus two things `next start` cannot give the app. Page renders take turns (PAGE_CONCURRENCY,
// scripts/lib/page-gate.mjs). And the socket's peer address: Next keeps an
// X-Forwarded-For that a client sends and fills it in only when it is absent, so the app could not
// tell a client's real address from one the client made up. Here every request carries the peer in
// the header below, overwriting whatever a client sent under that name; the app decides how far to
// believe X-Forwarded-For from it and TRUSTED_PROXIES (lib/auth/client-address.ts).
//
//   node scripts/server.mjs [--port 3000] [--hostname 0.0.0.0] [--dev]
import { createServer } from "node:http";
import { createPageGate } from "./lib/page-gate.mjs";

/** lib/auth/client-address.ts's PEER_HEADER (a test holds the two together). */
const PEER_HEADER = "x-audit-console-peer";

function option(name) {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

const dev = process.argv.includes("--dev");
const port = Number(option("--port") ?? process.env.PORT ?? 3000);
// Not $HOSTNAME: shells set it to the machine's name. Unset, the server listens on every interface.
const hostname = option("--hostname");
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`The port must be a number from 1 to 65535, not "${option("--port") ?? process.env.PORT}".`);
  process.exit(1);
}
process.env.NODE_ENV ??= dev ? "development" : "production";
// Tells the app that this server sets the header: under plain `next start` a client could send it.
process.env.AUDIT_CONSOLE_PEER_HEADER = PEER_HEADER;

const { default: next } = await import("next");
const app = next({ dev, hostname: hostname ?? "localhost", port, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();

const admit = createPageGate(handle);
const server = createServer((request, response) => {
  request.headers[PEER_HEADER] = request.socket.remoteAddress ?? "";
  admit(request, response);
});
if (dev) server.on("upgrade", app.getUpgradeHandler());
server.listen(port, hostname, () => {
  console.log(`Audit Console (${dev ? "development" : "production"}) listening on http://${hostname ?? "localhost"}:${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    app.close?.().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
