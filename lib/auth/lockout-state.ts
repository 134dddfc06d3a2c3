// The lockout rule (lockout.ts) applied to the stored sign-in attempts: for the sign-in itself, and
// for the Console users page's "locked until". Attempts before an administrator's unlock (the
// account's lockoutClearedAt) no longer count.
import "server-only";
import type { DbClient } from "@/lib/audit/config/event-switches";
import { getDb } from "@/lib/db";
import { evaluateLockout, lockoutLookback, type LockoutState } from "./lockout";

interface LockedAccount {
  username: string;
  lockoutClearedAt: Date | null;
}

function since(now: Date, clearedAt: Date | null): Date {
  const lookback = new Date(now.getTime() - lockoutLookback());
  return clearedAt && clearedAt > lookback ? clearedAt : lookback;
}

/** Whether `username` is locked at `now`, and until when. */
export async function readAccountLock(username: string, now: Date): Promise<LockoutState> {
  const { prisma } = getDb();
  const account = await prisma.user.findFirst({ where: { username, source: null }, select: { lockoutClearedAt: true } });
  const attempts = await prisma.loginAttempt.findMany({
    where: { username, createdAt: { gt: since(now, account?.lockoutClearedAt ?? null), lte: now } },
    select: { createdAt: true, succeeded: true },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return evaluateLockout(
    attempts.map((attempt) => ({ at: attempt.createdAt, succeeded: attempt.succeeded })),
    now,
  );
}

/** The accounts locked at `now`: username to the end of the lock. One query for them all. */
export async function readAccountLocks(accounts: readonly LockedAccount[], now: Date, client: DbClient = getDb().prisma): Promise<Map<string, Date>> {
  if (accounts.length === 0) return new Map();
  const attempts = await client.loginAttempt.findMany({
    where: { username: { in: accounts.map((account) => account.username) }, createdAt: { gt: since(now, null), lte: now } },
    select: { username: true, createdAt: true, succeeded: true },
  });
  const locks = new Map<string, Date>();
  for (const account of accounts) {
    const from = since(now, account.lockoutClearedAt);
    const own = attempts.filter((attempt) => attempt.username === account.username && attempt.createdAt > from);
    const state = evaluateLockout(
      own.map((attempt) => ({ at: attempt.createdAt, succeeded: attempt.succeeded })),
      now,
    );
    if (state.locked) locks.set(account.username, state.until);
  }
  return locks;
}
