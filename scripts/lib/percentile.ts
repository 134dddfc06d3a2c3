/** The q-quantile (0..1) of an ascending list, nearest rank: what the benches report as p50/p95. */
export function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}
