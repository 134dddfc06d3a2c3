// What a page says when its reads come from a replica that is behind the primary. Pure.

/** Below this the replica counts as current: streaming replication is usually well under a second behind. */
const REPLICA_LAG_NOTICE_SECONDS = 2;

function duration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5_400) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3_600)} h`;
}

/** "The read replica is 12 s behind: events of the last 12 s may not be listed yet.", or null when it is current. */
export function replicaLagNotice(lagSeconds: number | null): string | null {
  if (lagSeconds === null || lagSeconds < REPLICA_LAG_NOTICE_SECONDS) return null;
  const behind = duration(lagSeconds);
  return `The read replica is ${behind} behind: events of the last ${behind} may not be listed yet.`;
}
