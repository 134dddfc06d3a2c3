// The buckets of an activity chart: the days (or, for a range of two days or less, the hours) of a
// range on the admin's wall clock, every one of them, so that a quiet day shows as a gap rather than
// vanishing. Pure: the chart's data and the query's choice of counts both come from here.
import type { InstantRange } from "@/lib/audit/search/date-range";
import type { BucketUnit } from "@/lib/audit/search/event-sql";
import { addDays, formatDay, wallClock, zoneOffset } from "@/lib/time/zoned";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Ranges up to this many days are charted by the hour. */
export const HOURLY_UP_TO_DAYS = 2;

/** Day for most ranges; hour when the range is two days or less (a DST day is 23 or 25 hours). */
export function bucketUnit(range: InstantRange): BucketUnit {
  return range.to.getTime() - range.from.getTime() <= HOURLY_UP_TO_DAYS * DAY + HOUR ? "hour" : "day";
}

type PlainDay = { year: number; month: number; day: number };

const pad = (value: number) => String(value).padStart(2, "0");

/** The buckets of `range` in `timeZone` as the query names them ("2026-03-15", "2026-03-15T14"), in order. */
export function bucketKeys(range: InstantRange, unit: BucketUnit, timeZone: string): string[] {
  const keys: string[] = [];
  if (unit === "hour") {
    // A repeated hour (the autumn DST change) is one bucket, as date_trunc of the wall clock makes it.
    for (let at = range.from.getTime(); at < range.to.getTime(); at += HOUR) {
      const wall = wallClock(new Date(at), timeZone);
      const key = `${formatDay(wall)}T${pad(wall.hour)}`;
      if (keys.at(-1) !== key) keys.push(key);
    }
    return keys;
  }
  const last = formatDay(wallClock(new Date(range.to.getTime() - 1), timeZone));
  for (let day: PlainDay = wallClock(range.from, timeZone), key = formatDay(day); key <= last; day = addDays(day, 1), key = formatDay(day)) keys.push(key);
  return keys;
}

/** The day a bucket falls in: what clicking its bar narrows the range to. */
export function bucketDay(key: string): string {
  return key.slice(0, 10);
}

/**
 * Whether every day and hour of `timeZone` in `range` starts on a UTC hour, so that the hourly counts
 * (kept per UTC hour) add up to its days exactly. False for zones with a half or quarter hour
 * (Asia/Kolkata, Asia/Kathmandu, Australia/Adelaide, Lord Howe's half-hour DST). Checked every 15
 * days and at both ends: no zone changes to a fractional offset for less than a fortnight.
 */
export function startsOnUtcHours(range: InstantRange, timeZone: string): boolean {
  const instants = [range.from.getTime(), range.to.getTime() - 1];
  for (let at = range.from.getTime(); at < range.to.getTime(); at += 15 * DAY) instants.push(at);
  return instants.every((at) => zoneOffset(new Date(at), timeZone) % HOUR === 0);
}
