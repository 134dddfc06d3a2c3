// At most INGEST_CONCURRENCY ingestion requests write at once (each holds a connection for its
// transaction), and at most INGEST_QUEUE wait for a turn, each for at most INGEST_WAIT_MS: past that
// the client is told to come back (503 with Retry-After) instead of queueing without end.
import "server-only";

export const INGEST_RETRY_AFTER_SECONDS = 2;

export class IngestBusyError extends Error {
  readonly retryAfterSeconds = INGEST_RETRY_AFTER_SECONDS;
  constructor(message: string) {
    super(message);
    this.name = "IngestBusyError";
  }
}

function setting(name: string, fallback: number): number {
  const text = process.env[name];
  const value = text ? Number(text) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, not "${text}"`);
  return value;
}

interface Waiter {
  grant(): void;
  timer: NodeJS.Timeout;
}

const state = globalThis as { __auditConsoleIngestSlots?: { running: number; waiting: Waiter[] } };

function slots() {
  state.__auditConsoleIngestSlots ??= { running: 0, waiting: [] };
  return state.__auditConsoleIngestSlots;
}

/** Runs `work` in an ingestion slot, or throws IngestBusyError when none frees up in time. */
export async function withIngestSlot<T>(work: () => Promise<T>): Promise<T> {
  const limit = setting("INGEST_CONCURRENCY", 4);
  const queue = setting("INGEST_QUEUE", 32);
  const waitMs = setting("INGEST_WAIT_MS", 10_000);
  const current = slots();
  if (current.running >= limit) {
    if (current.waiting.length >= queue) {
      throw new IngestBusyError(
        `The console is storing ${limit} batches and has ${queue} more waiting, as many as it takes: send this batch again in a few seconds.`,
      );
    }
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: setTimeout(() => {
          current.waiting.splice(current.waiting.indexOf(waiter), 1);
          reject(new IngestBusyError(`No turn to store this batch came within ${waitMs / 1000} s: send it again in a few seconds.`));
        }, waitMs),
      };
      current.waiting.push(waiter);
    });
  } else current.running++;
  try {
    return await work();
  } finally {
    const next = current.waiting.shift();
    // the slot passes straight to the next in line, or is freed
    if (next) next.grant();
    else current.running--;
  }
}
