// How long a console session lives, shared by next-auth's options, the guard and the sweeper.

/** A session ends after 8 hours without activity (the JWT and the ConsoleSession alike). */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
/** The browser renews its JWT cookie this often while the console is open. */
export const SESSION_UPDATE_AGE_SECONDS = 5 * 60;
/** lastSeenAt is written at most this often per session: activity is measured to the minute. */
export const LAST_SEEN_THROTTLE_MS = 60_000;
/** The guard sweeps expired sessions at most this often per process. */
export const SWEEP_INTERVAL_MS = 60_000;

export const SESSION_MAX_AGE_MS = SESSION_MAX_AGE_SECONDS * 1000;

export type SessionEndReason = "LOGOUT" | "EXPIRED" | "REVOKED";
