// Runs once when a Next.js server starts: checks the sign-in and proxy configuration, starts the timer
// that ends idle console sessions, keeps the event table's month partitions ahead, and starts the
// remover job on its schedule, the activity counts' compaction and the checkpoint job that signs the
// audit log (each minute), and the daily verification of the log.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NODE_ENV === "production" && !process.env.NEXTAUTH_SECRET && !process.env.AUTH_SECRET) {
    console.error("NEXTAUTH_SECRET is not set: nobody can sign in. Set it to a long random value (for example `openssl rand -base64 32`) and restart.");
  }
  // A bad TRUSTED_PROXIES stops the server here, with a message naming it: guessing could trust a forged address.
  const { configuredTrustedProxies } = await import("./lib/auth/client-address");
  configuredTrustedProxies();
  const { startSessionSweeper } = await import("./lib/auth/session-sweeper");
  startSessionSweeper();
  const { startPartitionMaintenance } = await import("./lib/db/partition-maintenance");
  startPartitionMaintenance();
  // A bad config/audit-defaults.json stops the server here, with a message naming the key.
  const { startRemoverSchedule } = await import("./lib/audit/retention/remover-schedule");
  startRemoverSchedule();
  const { startCountCompaction } = await import("./lib/audit/activity/count-compaction");
  const { getDb } = await import("./lib/db");
  startCountCompaction(getDb);
  const { startCheckpointSchedule } = await import("./lib/audit/integrity/checkpoint-schedule");
  startCheckpointSchedule();
  const { startIntegritySchedule } = await import("./lib/audit/integrity/integrity-schedule");
  startIntegritySchedule();
}
