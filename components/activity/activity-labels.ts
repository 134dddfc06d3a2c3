// How an activity chart names its buckets and colours its event types. Pure: the chart, its table
// and its summary say the same thing.
import type { ActivityBucket } from "@/lib/audit/activity/activity-query";
import type { BucketUnit } from "@/lib/audit/search/event-sql";

// Bucket keys are wall-clock dates already in the admin's zone: format them as UTC so that the
// browser's own zone never moves them.
const DAY_SHORT = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const DAY_LONG = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

const KEY = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}))?$/;

/** The bucket's wall clock as a UTC date, or null for anything that is not a bucket key. */
function dateOf(key: string): Date | null {
  const match = KEY.exec(key);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(match[4] ?? 0))) : null;
}

const hourOf = (key: string) => `${key.slice(11, 13)}:00`;

/** The axis label: "14 Mar", or "14:00" by the hour. The chart may ask about no bucket at all (no bar under the pointer): "". */
export function tickLabel(key: string, unit: BucketUnit): string {
  const date = dateOf(key);
  if (!date) return "";
  return unit === "hour" ? hourOf(key) : DAY_SHORT.format(date);
}

/** The full name: "Sat, 14 Mar 2026", or "Sat, 14 Mar 2026, 14:00–15:00" by the hour. */
export function bucketLabel(key: string, unit: BucketUnit): string {
  const date = dateOf(key);
  if (!date) return "";
  const day = DAY_LONG.format(date);
  if (unit === "day") return day;
  const next = String((Number(key.slice(11, 13)) + 1) % 24).padStart(2, "0");
  return `${day}, ${hourOf(key)}–${next}:00`;
}

/** The busiest bucket, or null when there are no events. */
export function busiest(buckets: readonly ActivityBucket[]): ActivityBucket | null {
  return buckets.reduce<ActivityBucket | null>((best, bucket) => (bucket.total > (best?.total ?? 0) ? bucket : best), null);
}

/**
 * Distinct hues a tab's types keep whatever the filter (by their place in the tab's list): no two
 * neighbours alike, none too pale on the white page (the Artifacts tab stacks ten).
 */
const PALETTE = ["blue.6", "orange.6", "green.7", "red.7", "violet.6", "cyan.6", "pink.5", "lime.7", "gray.6", "yellow.5"];

export function typeColor(index: number): string {
  return PALETTE[index % PALETTE.length];
}
