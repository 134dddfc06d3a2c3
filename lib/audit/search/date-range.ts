// Date range presets and the one-year rule, computed in the admin's time zone. Weeks start on
// Monday (ISO 8601). Ranges are half-open: [from, to).
import { addDays, addMonths, formatDay, isoWeekday, wallClock, zonedInstant } from "@/lib/time/zoned";

export const DATE_PRESETS = [
  "Today",
  "Yesterday",
  "This_Week",
  "Last_Week",
  "This_Month",
  "Last_Month",
  "Last_7_Days",
  "Last_30_Days",
  "Last_90_Days",
  "Last_365_Days",
] as const;

export type DatePreset = (typeof DATE_PRESETS)[number];

export const DEFAULT_PRESET: DatePreset = "Last_30_Days";

export const PRESET_LABELS: Record<DatePreset, string> = Object.fromEntries(DATE_PRESETS.map((preset) => [preset, preset.replaceAll("_", " ")])) as Record<
  DatePreset,
  string
>;

export const ONE_YEAR_MESSAGE = "may not exceed one year";
export const REVERSED_MESSAGE = "the start must not be after the end";

export type RangeInput = { preset: DatePreset } | { from: string; to: string };

export interface InstantRange {
  from: Date;
  /** exclusive */
  to: Date;
}

interface PlainDate {
  year: number;
  month: number;
  day: number;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-02-30" and other non-days are null. */
export function parseDay(text: string): PlainDate | null {
  const match = DAY_PATTERN.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return formatDay(addDays(date, 0)) === text ? date : null;
}

/**
 * Why a custom range of inclusive days is refused, or null when it is fine. The last day may be at
 * most one calendar year after the first (2025-03-01 to 2026-02-28 is fine; to 2026-03-01 is not).
 */
export function rangeError(fromDay: string, toDay: string): string | null {
  const from = parseDay(fromDay);
  const to = parseDay(toDay);
  if (!from) return `the start "${fromDay}" is not a date (YYYY-MM-DD)`;
  if (!to) return `the end "${toDay}" is not a date (YYYY-MM-DD)`;
  if (toDay < fromDay) return REVERSED_MESSAGE;
  return formatDay(to) >= formatDay(addMonths(from, 12)) ? ONE_YEAR_MESSAGE : null;
}

/** The same rule for instants (API `fromDate`/`toDate`): `to` at most one calendar year after `from`. */
export function instantRangeError(from: Date, to: Date): string | null {
  if (to.getTime() < from.getTime()) return REVERSED_MESSAGE;
  const limit = new Date(from);
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  return to.getTime() > limit.getTime() ? ONE_YEAR_MESSAGE : null;
}

function dayStart(date: PlainDate, timeZone: string): Date {
  return zonedInstant(date.year, date.month, date.day, timeZone);
}

/** The instants a preset or a custom range of inclusive days covers, in `timeZone`. */
export function resolveRange(input: RangeInput, timeZone: string, now: Date = new Date()): InstantRange {
  if ("from" in input) {
    const error = rangeError(input.from, input.to);
    if (error) throw new RangeError(error);
    const from = parseDay(input.from) as PlainDate;
    const to = parseDay(input.to) as PlainDate;
    return { from: dayStart(from, timeZone), to: dayStart(addDays(to, 1), timeZone) };
  }
  const today = wallClock(now, timeZone);
  const tomorrow = addDays(today, 1);
  const span = (first: PlainDate, afterLast: PlainDate): InstantRange => ({
    from: dayStart(first, timeZone),
    to: dayStart(afterLast, timeZone),
  });
  const monday = addDays(today, 1 - isoWeekday(today));
  const firstOfMonth = { year: today.year, month: today.month, day: 1 };
  switch (input.preset) {
    case "Today":
      return span(today, tomorrow);
    case "Yesterday":
      return span(addDays(today, -1), today);
    case "This_Week":
      return span(monday, tomorrow);
    case "Last_Week":
      return span(addDays(monday, -7), monday);
    case "This_Month":
      return span(firstOfMonth, tomorrow);
    case "Last_Month":
      return span(addMonths(firstOfMonth, -1), firstOfMonth);
    case "Last_7_Days":
      return span(addDays(today, -6), tomorrow);
    case "Last_30_Days":
      return span(addDays(today, -29), tomorrow);
    case "Last_90_Days":
      return span(addDays(today, -89), tomorrow);
    case "Last_365_Days":
      return span(addDays(today, -364), tomorrow);
  }
}

/** The inclusive first and last day a range shows in the form ("2026-10-25", "2026-11-23"). */
export function rangeDays(range: InstantRange, timeZone: string): { from: string; to: string } {
  return {
    from: formatDay(wallClock(range.from, timeZone)),
    to: formatDay(wallClock(new Date(range.to.getTime() - 1), timeZone)),
  };
}
