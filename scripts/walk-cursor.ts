// npm run bench:cursor -- --url http://localhost:3000 --token acon_... [--query "categories=Login"] [--limit 200] [--max-pages N]:
// walks GET /rest/auditing/1.0/events of a running console by pageCursor over the whole result, as
// a Jira client would, and prints how many events and pages it read, how many came twice or out of
// order (both must be 0), and the time per page at page 1, the median and the last page. A deep page
// must cost what page 1 costs (keyset paging). Make a token with npm run create-token (scope read).
import { walkCursor } from "../lib/api/jira/cursor-walk";
import { parseFlags, runScript, UsageError } from "./lib/cli";
import { percentile } from "./lib/percentile";

const USAGE = `Usage: npm run bench:cursor -- --token <API token> [--url http://localhost:3000] [--query "categories=Login&from=2026-01-01T00:00:00Z"] [--limit 200] [--max-pages N]
  --token      an API token with the read scope (or AUDIT_TOKEN)
  --query      the events' filters, as the URL takes them
  --limit      events per page, 1 to 1,000 (default 200, Jira's)
  --max-pages  stop after this many pages`;

const format = (value: number) => Math.round(value).toLocaleString("en-US");
const ms = (value: number) => `${value.toFixed(1)} ms`;

function whole(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--${name} must be a whole number of at least 1, not "${text}"`, true);
  return Number(text);
}

runScript("bench:cursor", USAGE, async () => {
  const flags = parseFlags({
    url: { type: "string", default: "http://localhost:3000" },
    token: { type: "string" },
    query: { type: "string", default: "" },
    limit: { type: "string" },
    "max-pages": { type: "string" },
  });
  const token = flags.token ?? process.env.AUDIT_TOKEN;
  if (!token) throw new UsageError("--token is required (or AUDIT_TOKEN)", true);
  const started = performance.now();
  const walk = await walkCursor({
    url: flags.url,
    token,
    query: flags.query,
    limit: whole(flags.limit, "limit"),
    maxPages: whole(flags["max-pages"], "max-pages"),
  });
  const seconds = (performance.now() - started) / 1000;
  const sorted = [...walk.pageMs].sort((a, b) => a - b);
  console.log(`${flags.url}/rest/auditing/1.0/events?${flags.query}${walk.complete ? "" : " (stopped by --max-pages)"}`);
  console.log(`  events        ${format(walk.events)}`);
  console.log(`  pages         ${format(walk.pages)}`);
  console.log(`  duplicates    ${format(walk.duplicates)}`);
  console.log(`  out of order  ${format(walk.outOfOrder)}`);
  console.log(`  page 1        ${ms(walk.pageMs[0] ?? Number.NaN)}`);
  console.log(`  median page   ${ms(percentile(sorted, 0.5))}`);
  console.log(`  p95 page      ${ms(percentile(sorted, 0.95))}`);
  console.log(`  last page     ${ms(walk.pageMs.at(-1) ?? Number.NaN)}`);
  console.log(`  total         ${seconds.toFixed(1)} s, ${format(walk.events / seconds)} events/s`);
  if (walk.duplicates > 0 || walk.outOfOrder > 0) process.exitCode = 1;
});
