// What every import format shares: a file read line by line (never whole: files may be GBs), each
// format's reader turning lines into events as a sender posts them, and the events checked one by
// one against the ingestion schema, so that a bad line is reported and skipped, never a whole
// batch refused, then handed on in batches of at most MAX_EVENTS_PER_REQUEST.
import type { Readable } from "node:stream";
import { createInterface } from "node:readline";
import { InputError } from "@/lib/api/input-error";
import { validateEvents } from "@/lib/ingest/ingest-request";
import { type IngestEvent, type IngestEventInput, MAX_EVENTS_PER_REQUEST } from "@/lib/ingest/ingest-schema";
import type { ReadTally } from "./import-tally";

export interface NumberedLine {
  /** from 1, as an editor counts */
  number: number;
  text: string;
}

/** An event a reader made, and the line it starts at (for messages). */
export interface ImportCandidate {
  line: number;
  event: IngestEventInput;
}

export interface ReaderOptions {
  /** the zone of times written without one (Blueprint's CSV) */
  timeZone: string;
}

/** A file that is not of the format at all (a header without the format's columns): the import stops there. */
export class ImportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportFormatError";
  }
}

/** One format: lines in, events out; skipped and unreadable lines go to the tally. */
export type EventReader = (lines: AsyncIterable<NumberedLine>, tally: ReadTally, options: ReaderOptions) => AsyncIterable<ImportCandidate>;

/** The lines of `input`, numbered, without a UTF-8 byte order mark; the tally counts them. */
export async function* numberedLines(input: Readable, tally: ReadTally): AsyncGenerator<NumberedLine> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  for await (const text of lines) {
    number++;
    tally.linesRead = number;
    yield { number, text: number === 1 && text.startsWith("\uFEFF") ? text.slice(1) : text };
  }
}

/** A batch of checked events: as a sender posts them (the API's body), and as validateEvents reads them (ingestEvents' input). */
export interface EventBatch {
  raw: IngestEventInput[];
  events: IngestEvent[];
}

/** validateEvents' answer: the events, or its refusal. */
function validated(raw: IngestEventInput[], now: () => number): IngestEvent[] | InputError {
  try {
    return validateEvents(raw, now);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
}

/**
 * The candidates validateEvents takes, checked as one batch; when it refuses the batch, one by one,
 * so that only the bad lines are left out (and reported, by the field the API would name).
 */
function checked(candidates: readonly ImportCandidate[], tally: ReadTally, now: () => number): EventBatch {
  const raw = candidates.map((candidate) => candidate.event);
  const whole = validated(raw, now);
  if (!(whole instanceof InputError)) {
    tally.eventsMade += raw.length;
    return { raw, events: whole };
  }
  const batch: EventBatch = { raw: [], events: [] };
  for (const { line, event } of candidates) {
    const one = validated([event], now);
    if (one instanceof InputError) {
      tally.bad(line, one.message.replace(/^events\[0\]\.?/, "") || one.message);
      continue;
    }
    batch.raw.push(event);
    batch.events.push(...one);
    tally.eventsMade++;
  }
  return batch;
}

/** The candidates validateEvents takes, in batches of at most `size`; the others are unreadable lines. */
export async function* validBatches(
  candidates: AsyncIterable<ImportCandidate>,
  tally: ReadTally,
  now: () => number = Date.now,
  size = MAX_EVENTS_PER_REQUEST,
): AsyncGenerator<EventBatch> {
  let pending: ImportCandidate[] = [];
  for await (const candidate of candidates) {
    pending.push(candidate);
    if (pending.length < size) continue;
    const batch = checked(pending, tally, now);
    pending = [];
    if (batch.raw.length > 0) yield batch;
  }
  const last = checked(pending, tally, now);
  if (last.raw.length > 0) yield last;
}

export type JsonObject = Record<string, unknown>;

export const isJsonObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

/** The JSON object of each non-blank line; a line that is not one is unreadable. */
export async function* jsonObjectLines(lines: AsyncIterable<NumberedLine>, tally: ReadTally): AsyncGenerator<NumberedLine & { object: JsonObject }> {
  for await (const line of lines) {
    if (!line.text.trim()) continue;
    let object: unknown;
    try {
      object = JSON.parse(line.text);
    } catch {
      tally.bad(line.number, "is not valid JSON");
      continue;
    }
    if (isJsonObject(object)) yield { ...line, object };
    else tally.bad(line.number, "is not a JSON object");
  }
}

/** What a reader made of one line or change: an event, a kind to skip it as, or why it is unreadable. */
export type LineOutcome = { event: IngestEventInput } | { skip: string } | { bad: string };

/** Hands on an outcome's event, or counts the line(s) it stands for as skipped or unreadable. */
export function settle(outcome: LineOutcome, line: number, tally: ReadTally, lines = 1): ImportCandidate | null {
  if ("event" in outcome) return { line, event: outcome.event };
  if ("skip" in outcome) tally.skip(outcome.skip, lines);
  else tally.bad(line, outcome.bad);
  return null;
}
