// Where imported events go. Both sinks take the events as a sender posts them and answer with what
// ingestion made of them; both go through the ingestion API's validation.
import type { IngestResult } from "@/lib/ingest/ingest-events";
import type { EventBatch } from "./import-reader";

export interface ImportSink {
  /** where the events go, for messages: the API's address, or the source in a database */
  target: string;
  send(batch: EventBatch): Promise<IngestResult>;
}

/** The import cannot go on (the server refused, or could not be reached): stop with this message. */
export class ImportStoppedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportStoppedError";
  }
}

export const NO_EVENTS: IngestResult = { accepted: 0, duplicates: 0, dropped: 0, expired: 0 };

export function addResults(a: IngestResult, b: IngestResult): IngestResult {
  return { accepted: a.accepted + b.accepted, duplicates: a.duplicates + b.duplicates, dropped: a.dropped + b.dropped, expired: a.expired + b.expired };
}
