// Wall-clock arithmetic in a named IANA time zone with the platform's Intl data only, so that day,
// week and month boundaries are right across daylight-saving changes.

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partFormatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at `instant`, from Intl (about 10 µs a call). */
function intlWallClock(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

function intlZoneOffset(ms: number, timeZone: string): number {
  const wall = intlWallClock(new Date(ms), timeZone);
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - Math.floor(ms / 1000) * 1000;
}

const HOUR = 3_600_000;
const MAX_CACHED_HOURS = 100_000;
// Per zone and UTC hour: the offset, when it is the same at the hour's first and last millisecond
// (no change inside it), else NaN. An export of a million events then asks Intl a few thousand
// times instead of millions; a change inside an hour falls back to Intl for that hour.
const hourOffsets = new Map<string, Map<number, number>>();

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (CET: +3,600,000). */
// The last hour asked for: an export asks for the same hour hundreds of times in a row.
let lastOffset = { timeZone: "", hour: Number.NaN, offset: 0 };

export function zoneOffset(instant: Date, timeZone: string): number {
  const ms = instant.getTime();
  const hour = Math.floor(ms / HOUR);
  if (hour === lastOffset.hour && timeZone === lastOffset.timeZone) return lastOffset.offset;
  let hours = hourOffsets.get(timeZone);
  if (!hours || hours.size > MAX_CACHED_HOURS) {
    hours = new Map();
    hourOffsets.set(timeZone, hours);
  }
  let offset = hours.get(hour);
  if (offset === undefined) {
    const start = intlZoneOffset(hour * HOUR, timeZone);
    offset = start === intlZoneOffset(hour * HOUR + HOUR - 1, timeZone) ? start : Number.NaN;
    hours.set(hour, offset);
  }
  if (Number.isNaN(offset)) return intlZoneOffset(ms, timeZone);
  lastOffset = { timeZone, hour, offset };
  return offset;
}

/** The wall clock in `timeZone` at `instant`. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const local = new Date(Math.floor(instant.getTime() / 1000) * 1000 + zoneOffset(instant, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/**
 * The instant at which the wall clock in `timeZone` reads the given local time. A local time that
 * a DST change skips resolves to the first instant after the gap; a repeated one to its first pass.
 */
export function zonedInstant(year: number, month: number, day: number, timeZone: string, hour = 0, minute = 0): Date {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  const first = naive - zoneOffset(new Date(naive), timeZone);
  const second = naive - zoneOffset(new Date(first), timeZone);
  if (first === second) return new Date(first);
  // Around a change: take the earlier candidate whose wall clock matches, else the later one (gap).
  const candidates = [Math.min(first, second), Math.max(first, second)];
  for (const candidate of candidates) {
    const wall = wallClock(new Date(candidate), timeZone);
    if (wall.hour === hour && wall.minute === minute && wall.day === day) return new Date(candidate);
  }
  return new Date(Math.max(first, second));
}

/** Calendar arithmetic on plain dates (no time zone): add days or months to y-m-d. */
export function addDays(date: { year: number; month: number; day: number }, days: number) {
  const utc = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}

export function addMonths(date: { year: number; month: number; day: number }, months: number) {
  const first = new Date(Date.UTC(date.year, date.month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return { year: first.getUTCFullYear(), month: first.getUTCMonth() + 1, day: Math.min(date.day, lastDay) };
}

/** ISO weekday of a plain date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: { year: number; month: number; day: number }): number {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

export function formatDay(date: { year: number; month: number; day: number }): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** "2026-11-23 08:15:02" in `timeZone`. */
export function formatDateTime(instant: Date, timeZone: string): string {
  const wall = wallClock(instant, timeZone);
  return `${formatDay(wall)} ${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
}

/** The zone's short name at `instant`: "CET", "EDT", or "GMT+9" where the platform has no abbreviation. */
export function zoneName(instant: Date, timeZone: string): string {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return "UTC";
  // en-US knows American abbreviations (EST), en-GB European ones (CET); else "GMT+9".
  const names = ["en-US", "en-GB"].map(
    (locale) =>
      new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" }).formatToParts(instant).find((item) => item.type === "timeZoneName")?.value ??
      timeZone,
  );
  return names.find((name) => !name.startsWith("GMT")) ?? names[0];
}

/** "UTC+01:00" */
export function formatOffset(instant: Date, timeZone: string): string {
  const minutes = Math.round(zoneOffset(instant, timeZone) / 60000);
  const sign = minutes < 0 ? "-" : "+";
  return `UTC${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, value) => pad(value));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, value) => pad(value, 3));
// "+01:00" per offset, and the last local hour's "2026-11-23T08:": an export formats a million
// times, hundreds of them in a row within the same hour.
const offsetTexts = new Map<number, string>();
let lastPrefix = { hour: Number.NaN, prefix: "" };

/** ISO 8601 with the zone's offset: "2026-11-23T08:15:02.123+01:00" (CSV, JSON lines, API). */
export function formatIsoWithOffset(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  const offset = zoneOffset(instant, timeZone);
  // The wall clock as wallClock() has it: whole seconds, moved by the offset.
  const local = Math.floor(ms / 1000) * 1000 + offset;
  const hour = Math.floor(local / HOUR);
  if (hour !== lastPrefix.hour) {
    const start = new Date(hour * HOUR);
    const day = formatDay({ year: start.getUTCFullYear(), month: start.getUTCMonth() + 1, day: start.getUTCDate() });
    lastPrefix = { hour, prefix: `${day}T${TWO_DIGITS[start.getUTCHours()]}:` };
  }
  const { prefix } = lastPrefix;
  let offsetText = offsetTexts.get(offset);
  if (offsetText === undefined) {
    offsetText = formatOffset(instant, timeZone).slice(3);
    if (offsetText === "+00:00") offsetText = "Z";
    offsetTexts.set(offset, offsetText);
  }
  const inHour = local - hour * HOUR;
  const minute = Math.floor(inHour / 60_000);
  const second = Math.floor((inHour - minute * 60_000) / 1000);
  return `${prefix}${TWO_DIGITS[minute]}:${TWO_DIGITS[second]}.${THREE_DIGITS[instant.getUTCMilliseconds()]}${offsetText}`;
}
