// Batches read one ahead: the next is asked for as soon as the last has arrived, so the database
// reads it while the caller handles this one. Shared by the exports' keyset reads and cursors. Pure.

/**
 * The batches `read` gives, in order. `read(last)` asks for the batch after `last` (null: the first)
 * and returns null when there is none to ask for. At most two batches are held. A caller that stops
 * early waits for the read in flight to land (its outcome no longer matters), so nothing is left
 * reading on the connection when this returns.
 */
export async function* readAhead<T>(read: (last: T[] | null) => Promise<T[]> | null): AsyncGenerator<T[]> {
  let next = read(null);
  try {
    while (next) {
      const batch: T[] = await next;
      next = read(batch);
      if (batch.length > 0) yield batch;
    }
  } finally {
    if (next) await next.catch(() => undefined);
  }
}
