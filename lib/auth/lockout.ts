// The account lockout rule, as a pure function over the sign-in attempts of one username:
// 5 failures within 15 minutes lock the account for 15 minutes from the 5th failure; attempts
// while locked do not count; when the lock ends the count starts fresh; a success resets it.

export const LOCKOUT_POLICY = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
} as const;

export type LockoutPolicy = { maxFailures: number; windowMs: number; lockMs: number };

export interface Attempt {
  at: Date;
  succeeded: boolean;
}

export type LockoutState =
  | { locked: true; until: Date }
  /** failures that still count towards a lock at `now` */
  | { locked: false; failures: number };

/** How far back evaluateLockout needs attempts to decide about `now`. */
export function lockoutLookback(policy: LockoutPolicy = LOCKOUT_POLICY): number {
  return policy.windowMs + policy.lockMs;
}

export function evaluateLockout(attempts: readonly Attempt[], now: Date, policy: LockoutPolicy = LOCKOUT_POLICY): LockoutState {
  const ordered = attempts.filter((attempt) => attempt.at <= now).sort((a, b) => a.at.getTime() - b.at.getTime());
  let failures: number[] = [];
  let lockedUntil: number | null = null;
  for (const attempt of ordered) {
    const at = attempt.at.getTime();
    if (lockedUntil !== null) {
      if (at < lockedUntil) continue;
      lockedUntil = null;
      failures = [];
    }
    if (attempt.succeeded) {
      failures = [];
      continue;
    }
    failures = failures.filter((failure) => at - failure < policy.windowMs);
    failures.push(at);
    if (failures.length >= policy.maxFailures) {
      lockedUntil = at + policy.lockMs;
      failures = [];
    }
  }
  if (lockedUntil !== null && now.getTime() < lockedUntil) return { locked: true, until: new Date(lockedUntil) };
  if (lockedUntil !== null) failures = [];
  return { locked: false, failures: failures.filter((failure) => now.getTime() - failure < policy.windowMs).length };
}
