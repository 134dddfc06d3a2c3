// Ends idle sessions on a timer, so that a User System Logout is recorded even when nobody opens the
// console afterwards. The guard sweeps too (at most once a minute), so a missed tick loses nothing.
import { SWEEP_INTERVAL_MS } from "./session-policy";
import { sweepExpiredSessions } from "./sessions";

const holder = globalThis as { __auditConsoleSessionSweeper?: NodeJS.Timeout };

export function startSessionSweeper(intervalMs = SWEEP_INTERVAL_MS): void {
  if (holder.__auditConsoleSessionSweeper) return;
  const timer = setInterval(() => {
    sweepExpiredSessions().catch((error: unknown) => console.error("Sweeping expired console sessions failed:", error));
  }, intervalMs);
  // The sweeper never keeps the process alive on its own.
  timer.unref();
  holder.__auditConsoleSessionSweeper = timer;
}
