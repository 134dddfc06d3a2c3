// The body of POST /api/audit/events: `{ "events": [...] }` as JSON, or one event per line
// (application/x-ndjson), at most MAX_EVENTS_PER_REQUEST events and MAX_REQUEST_BYTES. Read with
// a cap, so a client cannot make the server buffer more than the limit; validated all or nothing.
import { InputError } from "@/lib/api/input-error";
import { plainIngestEvent } from "./plain-event";
import { fieldPath, type IngestEvent, ingestEventSchema, MAX_EVENTS_PER_REQUEST, MAX_REQUEST_BYTES } from "./ingest-schema";

/** A request over a limit: 413, or 415 for a body in a format the route does not read. */
export class IngestLimitError extends Error {
  constructor(
    readonly status: 413 | 415,
    readonly code: string,
    message: string,
    readonly field = "body",
  ) {
    super(message);
    this.name = "IngestLimitError";
  }
}

const LIMITS = `at most ${MAX_EVENTS_PER_REQUEST.toLocaleString("en-US")} events and 5 MB (${MAX_REQUEST_BYTES.toLocaleString("en-US")} bytes) per request`;
const LINE_TYPES = new Set(["application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines"]);

function tooLarge(): IngestLimitError {
  return new IngestLimitError(413, "payload_too_large", `The request body is larger than 5 MB: send ${LIMITS}.`);
}

/** The body as text, refused past MAX_REQUEST_BYTES without reading the rest. */
async function readCapped(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_REQUEST_BYTES) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_REQUEST_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function tooMany(count: number): IngestLimitError {
  return new IngestLimitError(413, "too_many_events", `The request holds ${count.toLocaleString("en-US")} events: send ${LIMITS}.`, "events");
}

function parseLines(text: string): unknown[] {
  const events: unknown[] = [];
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (!line) continue;
    if (events.length === MAX_EVENTS_PER_REQUEST) throw tooMany(lines.filter((candidate) => candidate.trim()).length);
    try {
      events.push(JSON.parse(line));
    } catch {
      throw new InputError(`events[${events.length}]`, `events[${events.length}]: line ${index + 1} is not valid JSON`);
    }
  }
  return events;
}

function parseDocument(text: string): unknown[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new InputError("body", 'body: is not valid JSON; send { "events": [...] }, or one event per line as application/x-ndjson');
  }
  const events = (document as { events?: unknown } | null)?.events;
  if (typeof document !== "object" || document === null || Array.isArray(document) || !Array.isArray(events)) {
    throw new InputError("events", 'events: is required, as an array: send { "events": [...] }');
  }
  if (events.length > MAX_EVENTS_PER_REQUEST) throw tooMany(events.length);
  return events;
}

/** The request's events, unvalidated; 413/415 as IngestLimitError, unreadable JSON as InputError. */
export async function readIngestBody(request: Request): Promise<unknown[]> {
  const type = (request.headers.get("content-type") ?? "application/json").split(";")[0]!.trim().toLowerCase();
  const lines = LINE_TYPES.has(type);
  if (!lines && type !== "application/json" && !type.endsWith("+json")) {
    throw new IngestLimitError(
      415,
      "unsupported_media_type",
      `Content-Type ${type} is not read here: send application/json ({ "events": [...] }) or application/x-ndjson (one event per line).`,
      "Content-Type",
    );
  }
  const text = await readCapped(request);
  if (!text.trim()) throw new InputError("events", "events: the body is empty; send at least one event");
  const events = lines ? parseLines(text) : parseDocument(text);
  if (events.length === 0) throw new InputError("events", "events: is empty; send at least one event");
  return events;
}

/** Every event validated, or an InputError naming the first bad field (and how many events are bad). */
export function validateEvents(raw: readonly unknown[], now: () => number = Date.now): IngestEvent[] {
  const schema = ingestEventSchema(now);
  const events: IngestEvent[] = [];
  let firstError: InputError | null = null;
  let bad = 0;
  const at = now();
  raw.forEach((candidate, index) => {
    const plain = plainIngestEvent(candidate, at);
    if (plain) {
      events.push(plain);
      return;
    }
    const parsed = schema.safeParse(candidate);
    if (parsed.success) {
      events.push(parsed.data);
      return;
    }
    bad++;
    if (firstError) return;
    const issue = parsed.error.issues[0]!;
    const field = fieldPath(["events", index, ...issue.path]);
    const message = issue.code === "invalid_type" && /received undefined$/.test(issue.message) ? "is required" : issue.message;
    firstError = new InputError(field, `${field}: ${message}`);
  });
  if (firstError) {
    const error = firstError as InputError;
    const others = bad - 1;
    if (others === 0) throw error;
    throw new InputError(error.field, `${error.message} (and ${others} more event${others === 1 ? " is" : "s are"} invalid; nothing was stored)`);
  }
  return events;
}
