// The import through a running console: POST /api/audit/events with an ingest token, a batch a
// request. A busy server (429, 503) is asked again after its Retry-After; any other refusal stops
// the import with the server's own message. A batch whose body would pass the API's 5 MB limit is
// sent in halves.
import type { IngestResult } from "@/lib/ingest/ingest-events";
import { type IngestEventInput, MAX_REQUEST_BYTES } from "@/lib/ingest/ingest-schema";
import { addResults, type ImportSink, ImportStoppedError } from "./import-sink";

const EVENTS_PATH = "/api/audit/events";
const DEFAULT_WAIT_SECONDS = 2;
const MAX_WAIT_SECONDS = 60;

export interface ApiSinkOptions {
  /** the console's address (https://audit.example.com), or the endpoint's own */
  url: string;
  token: string;
  /** how often a busy answer is waited out for one batch before the import stops */
  maxRetries?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

/** The ingestion endpoint of a console's address. */
export function eventsEndpoint(url: string): string {
  const address = new URL(url);
  if (!address.pathname.endsWith(EVENTS_PATH)) address.pathname = `${address.pathname.replace(/\/+$/, "")}${EVENTS_PATH}`;
  return address.toString();
}

/** Seconds to wait from a Retry-After header (seconds or an HTTP date), within reason. */
function retryAfterMs(header: string | null): number {
  const seconds = header === null ? Number.NaN : /^\d+$/.test(header.trim()) ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
  const wait = Number.isFinite(seconds) ? Math.min(Math.max(seconds, 1), MAX_WAIT_SECONDS) : DEFAULT_WAIT_SECONDS;
  return wait * 1000;
}

async function refusalMessage(response: Response): Promise<string> {
  const body = await response.text().catch(() => "");
  try {
    const { error } = JSON.parse(body) as { error?: { code?: string; message?: string } };
    if (error?.message) return `${response.status} ${error.code ?? ""}: ${error.message}`.replace(" :", ":");
  } catch {
    // not the API's error shape: its text says what there is to say
  }
  return `${response.status} ${response.statusText}${body ? `: ${body.slice(0, 500)}` : ""}`;
}

/**
 * A function that posts events to the console at options.url and answers what ingestion made of
 * them: the import's sink, `npm run simulate` and `npm run bench:ingest` send through it.
 */
export function eventPoster(options: ApiSinkOptions): (events: IngestEventInput[]) => Promise<IngestResult> {
  const endpoint = eventsEndpoint(options.url);
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxRetries = options.maxRetries ?? 30;

  async function post(body: string): Promise<IngestResult> {
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await doFetch(endpoint, {
          method: "POST",
          headers: { "Content-Type": "application/json", Authorization: `Bearer ${options.token}` },
          body,
        });
      } catch (error) {
        const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
        throw new ImportStoppedError(`Could not reach ${endpoint}: ${cause}`);
      }
      if (response.ok) {
        const { accepted, duplicates, dropped, expired } = (await response.json()) as IngestResult;
        return { accepted, duplicates, dropped, expired };
      }
      if ((response.status === 429 || response.status === 503) && attempt < maxRetries) {
        await response.body?.cancel();
        await sleep(retryAfterMs(response.headers.get("Retry-After")));
        continue;
      }
      throw new ImportStoppedError(`${endpoint} refused the events: ${await refusalMessage(response)}`);
    }
  }

  async function sendEvents(events: IngestEventInput[]): Promise<IngestResult> {
    const body = JSON.stringify({ events });
    if (Buffer.byteLength(body) <= MAX_REQUEST_BYTES) return post(body);
    if (events.length === 1) throw new ImportStoppedError(`Event ${events[0]!.id} alone is larger than the API's 5 MB limit.`);
    const half = Math.ceil(events.length / 2);
    return addResults(await sendEvents(events.slice(0, half)), await sendEvents(events.slice(half)));
  }

  return sendEvents;
}

export function apiSink(options: ApiSinkOptions): ImportSink {
  const post = eventPoster(options);
  return { target: eventsEndpoint(options.url), send: (batch) => post(batch.raw) };
}
