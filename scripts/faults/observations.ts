// What every client of the fault tests saw: each answer's status, Retry-After and time, or the error
// (a refused connection, a request that hung), so that the checks can tell what happened while the
// database was down from what happened after.

/** A request that takes longer than this is a hang: a client behind it would have given up. */
export const HANG_MS = 20_000;

export interface Observation {
  client: string;
  /** ms since the run's start, when the answer (or the error) came */
  at: number;
  ms: number;
  status: number | null;
  retryAfter: string | null;
  error?: string;
}

export class Observations {
  readonly all: Observation[] = [];
  readonly start = Date.now();

  now(): number {
    return Date.now() - this.start;
  }

  /** A fetch that records what each request got, under the name of `client`. */
  fetchAs(client: string): typeof fetch {
    return async (input, init) => {
      const began = Date.now();
      try {
        const response = await fetch(input, { ...init, signal: AbortSignal.timeout(HANG_MS) });
        this.all.push({ client, at: this.now(), ms: Date.now() - began, status: response.status, retryAfter: response.headers.get("Retry-After") });
        return response;
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        const text = (error as Error).name === "TimeoutError" ? `hung for ${HANG_MS / 1000} s` : (cause?.code ?? cause?.message ?? (error as Error).message);
        this.all.push({ client, at: this.now(), ms: Date.now() - began, status: null, retryAfter: null, error: text });
        throw error;
      }
    };
  }

  /** One line a status (or error) with its count, for `client` between `from` and `to`. */
  summary(client: string, from: number, to: number): string {
    const counts = new Map<string, number>();
    for (const each of this.all) {
      if (each.client !== client || each.at < from || each.at > to) continue;
      const key = each.error ?? `${each.status}${each.status === 503 ? (each.retryAfter ? ` Retry-After ${each.retryAfter}` : " without Retry-After") : ""}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].map(([key, count]) => `${count} x ${key}`).join(", ") || "none";
  }

  /** When `client` first got a 2xx at or after `from`, in ms since the start; null if never. */
  firstSuccess(client: string, from: number): number | null {
    return this.all.find((each) => each.client === client && each.at >= from && each.status !== null && each.status < 300)?.at ?? null;
  }
}
