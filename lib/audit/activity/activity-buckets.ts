// The buckets of an activity chart: the days (or, for a range of two days or less, the hours) of a
// range on the admin's wall clock, every one of them, so that a quiet day shows as a gap rather than
// vanishing. Pure: the chart's data and the query's choice of counts both come from here.
import type { InstantRange } from "@/lib/audit/search/date-range";
import type { BucketUnit } from "@/lib/audit/search/event-sql";
import { addDays, formatDay, wallClock, zonedInstant } from "@/lib/time/zoned";

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

const QUARTER = 15 * 60_000;

/** The buckets of a range with the instant each starts at (the first one at the range's start). */
export interface BucketStarts {
  keys: string[];
  /** ascending; starts[i] is where keys[i] begins */
  starts: number[];
  from: number;
  to: number;
}

/**
 * Where each bucket of `range` begins, for folding counts kept by UTC quarter hour into the
 * admin's days or hours. Every zone's days and hours start on a quarter hour (Asia/Kolkata's on a
 * half, Asia/Kathmandu's on a quarter), so a quarter hour lies wholly in one bucket.
 */
export function bucketStarts(range: InstantRange, unit: BucketUnit, timeZone: string): BucketStarts {
  const from = range.from.getTime();
  const to = range.to.getTime();
  const keys: string[] = [];
  const starts: number[] = [];
  if (unit === "hour") {
    for (let at = from - (from % QUARTER); at < to; at += QUARTER) {
      const wall = wallClock(new Date(at), timeZone);
      const key = `${formatDay(wall)}T${pad(wall.hour)}`;
      if (keys.at(-1) === key) continue;
      keys.push(key);
      starts.push(Math.max(at, from));
    }
  } else {
    for (const key of bucketKeys(range, unit, timeZone)) {
      const [year, month, day] = key.split("-").map(Number) as [number, number, number];
      keys.push(key);
      starts.push(Math.max(zonedInstant(year, month, day, timeZone).getTime(), from));
    }
  }
  return { keys, starts, from, to };
}

/** The index of the bucket `at` falls in; -1 outside the range. */
export function bucketIndexOf(buckets: BucketStarts, at: number): number {
  if (at < buckets.from || at >= buckets.to) return -1;
  let [low, high] = [0, buckets.starts.length - 1];
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((buckets.starts[middle] as number) <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** A part of a UTC day that lies in one bucket: its quarter hours [lo, hi) (0 to 96). */
export interface DaySegment {
  day: string;
  lo: number;
  hi: number;
  bucket: number;
}

/** Every UTC day the buckets touch, cut where a bucket begins or the range ends. */
export function daySegments(buckets: BucketStarts): DaySegment[] {
  const segments: DaySegment[] = [];
  const DAY = 96 * QUARTER;
  const cuts = [...buckets.starts, buckets.to];
  let next = 0;
  for (let dayStart = buckets.from - (buckets.from % DAY); dayStart < buckets.to; dayStart += DAY) {
    const day = new Date(dayStart).toISOString().slice(0, 10);
    const points = [dayStart];
    while (next < cuts.length && (cuts[next] as number) < dayStart + DAY) {
      if ((cuts[next] as number) > dayStart) points.push(cuts[next] as number);
      next++;
    }
    points.push(dayStart + DAY);
    for (let i = 0; i + 1 < points.length; i++) {
      const bucket = bucketIndexOf(buckets, points[i] as number);
      if (bucket < 0) continue;
      segments.push({ day, lo: ((points[i] as number) - dayStart) / QUARTER, hi: ((points[i + 1] as number) - dayStart) / QUARTER, bucket });
    }
  }
  return segments;
}
