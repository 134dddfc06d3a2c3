// A pull-based byte stream: the next chunk is produced only when the client has taken the last
// one, so a slow download slows the database reads instead of filling memory.

import { yieldToEventLoop } from "./export-context";

const encoder = new TextEncoder();

export interface PullStreamOptions {
  /**
   * Called once when the stream is over: read to the end, failed, cancelled by the client, or
   * stalled; in the last two cases at once, while the chunk in the making may still be made.
   */
  onClose?: () => void;
  /**
   * Ends the stream when the client has not asked for the next chunk for this long: a client that
   * stops reading without closing its connection must not hold the export's slot and connections.
   */
  stallMs?: number;
  /** The request's signal: a client that goes away ends the stream even where nobody cancels it. */
  signal?: AbortSignal;
}

export function pullStream(chunks: AsyncIterable<string | Uint8Array>, options: PullStreamOptions = {}): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  let closed = false;
  let stallTimer: ReturnType<typeof setTimeout> | undefined;
  function close(): void {
    clearTimeout(stallTimer);
    if (closed) return;
    closed = true;
    options.onClose?.();
  }
  // Says it is over at once, before the chunk in the making is done (a PDF builds for seconds):
  // onClose can tell the producer to stop early.
  async function stop(): Promise<void> {
    close();
    // What the producer says as it stops no longer reaches anyone.
    await iterator.return?.().catch(() => undefined);
  }
  // Armed while the stream waits for the client, never while it makes the next chunk.
  function awaitClient(controller: ReadableStreamDefaultController<Uint8Array>): void {
    if (!options.stallMs) return;
    clearTimeout(stallTimer);
    stallTimer = setTimeout(() => {
      controller.error(new Error(`The client took no data for ${options.stallMs} ms: the download was ended.`));
      void stop();
    }, options.stallMs);
    stallTimer.unref?.();
  }
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const goneAway = () => {
          if (closed) return;
          controller.error(new Error("The client went away: the download was ended."));
          void stop();
        };
        // Gone before the answer was ready: Next then neither reads nor cancels the body.
        if (options.signal?.aborted) return goneAway();
        options.signal?.addEventListener("abort", goneAway, { once: true });
        awaitClient(controller);
      },
      async pull(controller) {
        clearTimeout(stallTimer);
        try {
          // Each chunk is made in a turn of the event loop of its own. Without this a fast client
          // has the next chunk made in the same turn, chunk after chunk, and every page waits.
          await yieldToEventLoop();
          const { value, done } = await iterator.next();
          if (done) {
            controller.close();
            close();
            return;
          }
          controller.enqueue(typeof value === "string" ? encoder.encode(value) : value);
          awaitClient(controller);
        } catch (error) {
          controller.error(error);
          close();
        }
      },
      async cancel() {
        clearTimeout(stallTimer);
        await stop();
      },
    },
    { highWaterMark: 1 },
  );
}

/** A finished byte array as 64 KB chunks. */
export async function* byteChunks(bytes: Uint8Array, size = 1 << 16): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

/** `attachment; filename="..."; filename*=UTF-8''...` (RFC 6266): ASCII fallback plus the exact name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
