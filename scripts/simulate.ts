// npm run simulate -- --rate 200 [--url http://localhost:3000] [--token acon_...] [--seconds N]:
// a live sender for demos and load tests. Posts the demo world's events (lib/seed/sender-events.ts:
// the seed's people, work items and changes) to a running console's ingestion API at about `rate`
// events a second, each stamped with the time it is sent. Runs until Ctrl+C or for `seconds`.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { eventPoster } from "../lib/import/api-sink";
import { MAX_EVENTS_PER_REQUEST } from "../lib/ingest/ingest-schema";
import { type SenderEvent, senderEvents } from "../lib/seed/sender-events";

const USAGE = `Usage: npm run simulate -- --token TOKEN [--rate 200] [--url http://localhost:3000] [--seconds N] [--seed 1]

Sends realistic audit events (the demo's users, projects, work items and permission changes) to a running
Audit Console through POST /api/audit/events, at about RATE events a second, until Ctrl+C or for N seconds.
TOKEN is an API token with the ingest scope (Settings, API tokens, or npm run create-token); it may also come
from AUDIT_CONSOLE_TOKEN. The URL defaults to AUDIT_CONSOLE_URL, else http://localhost:PORT (PORT, else 3000).`;

const TICK_MS = 250;

function options() {
  const { values } = parseArgs({
    options: {
      rate: { type: "string", default: "200" },
      url: { type: "string" },
      token: { type: "string" },
      seconds: { type: "string" },
      seed: { type: "string", default: "1" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const rate = Number(values.rate);
  if (!Number.isFinite(rate) || rate <= 0 || rate > 100_000)
    throw new Error(`--rate must be a number of events a second from 1 to 100,000, not "${values.rate}"`);
  const seconds = values.seconds === undefined ? Number.POSITIVE_INFINITY : Number(values.seconds);
  if (!(seconds > 0)) throw new Error(`--seconds must be a positive number, not "${values.seconds}"`);
  const token = values.token ?? process.env.AUDIT_CONSOLE_TOKEN;
  if (!token) throw new Error(`--token is required (or AUDIT_CONSOLE_TOKEN).\n\n${USAGE}`);
  const url = values.url ?? process.env.AUDIT_CONSOLE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return { rate, seconds, token, url, seed: Number(values.seed) };
}

async function main(): Promise<void> {
  const { rate, seconds, token, url, seed } = options();
  const post = eventPoster({ url, token });
  const run = randomBytes(4).toString("hex");
  const batches = senderEvents({ events: 200_000, seed, idPrefix: `sim-${run}-`, batchSize: MAX_EVENTS_PER_REQUEST });
  let buffer: SenderEvent[] = [];
  const totals = { sent: 0, accepted: 0, duplicates: 0, dropped: 0, expired: 0 };
  const started = Date.now();
  let lastReport = started;
  console.log(`Sending about ${rate} events/s to ${url} (run ${run}); Ctrl+C stops.`);
  let stopping = false;
  process.on("SIGINT", () => {
    stopping = true;
  });
  while (!stopping && Date.now() - started < seconds * 1000) {
    const tickStart = Date.now();
    // what the rate owes by now, so that a slow answer is made up in the next request
    const owed = Math.floor((rate * (tickStart - started)) / 1000) - totals.sent;
    const count = Math.min(owed, MAX_EVENTS_PER_REQUEST);
    if (count > 0) {
      while (buffer.length < count) buffer = buffer.concat(batches.next().value ?? []);
      const now = new Date().toISOString();
      const events = buffer.splice(0, count).map((event) => ({ ...event, createdAt: now }));
      const answer = await post(events);
      totals.sent += count;
      totals.accepted += answer.accepted;
      totals.duplicates += answer.duplicates;
      totals.dropped += answer.dropped;
      totals.expired += answer.expired;
    }
    if (Date.now() - lastReport >= 5000) {
      lastReport = Date.now();
      const elapsed = (lastReport - started) / 1000;
      console.log(
        `${elapsed.toFixed(0).padStart(5)} s  sent ${totals.sent}  accepted ${totals.accepted}  dropped ${totals.dropped}  (${Math.round(totals.sent / elapsed)} events/s)`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, TICK_MS - (Date.now() - tickStart))));
  }
  const elapsed = (Date.now() - started) / 1000;
  console.log(
    `Done: ${totals.sent} events in ${elapsed.toFixed(1)} s (${Math.round(totals.sent / elapsed)} events/s): ${totals.accepted} accepted, ${totals.duplicates} duplicates, ${totals.dropped} dropped (switched off), ${totals.expired} expired.`,
  );
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`simulate: ${message}`);
  process.exitCode = 1;
});
