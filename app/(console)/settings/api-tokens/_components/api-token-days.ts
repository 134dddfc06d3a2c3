// Days as the tokens page shows them: the calendar day in the admin's zone, how far off it is, and
// whether it has come. Pure.
import { formatDay, wallClock } from "@/lib/time/zoned";

const DAY_MS = 86_400_000;

/** "2026-06-14": the day `instant` falls on in `timeZone`. */
export function dayIn(instant: Date, timeZone: string): string {
  return formatDay(wallClock(instant, timeZone));
}

/** `days` whole days after `from`. */
export function daysAfter(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}

/** "in 3 days", "in 1 day", "within a day": how long until `instant`, which lies ahead of `now`. */
export function timeLeft(instant: Date, now: Date): string {
  const days = Math.floor((instant.getTime() - now.getTime()) / DAY_MS);
  if (days < 1) return "within a day";
  return days === 1 ? "in 1 day" : `in ${days} days`;
}

/** A token past its expiry no longer works, revoked or not. */
export function isExpired(token: { expiresAt: Date }, now: Date): boolean {
  return token.expiresAt <= now;
}
