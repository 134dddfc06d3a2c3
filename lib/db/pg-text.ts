// PostgreSQL's text output, read without the pg driver's generic type parsers: a bulk read (an
// export) asks for rows as arrays of text and turns them into values itself. pg's own parsers cost
// about a third of a million-row export's time (a regular expression and a local-time Date per
// timestamp, a property per column per row). Pure.
import pg from "pg";

/** Every column as PostgreSQL's text (null stays null): what a row-as-text cursor is given. */
export const TEXT_TYPES = { getTypeParser: () => (value: string) => value };

/** Session settings under which timestampFromText reads every timestamptz: ISO dates, in UTC. */
export const TEXT_SESSION_OPTIONS = "-c DateStyle=ISO -c TimeZone=UTC";

const parseTimestampTz = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ);
/** The number written by `length` ASCII digits at `at`, or NaN where one is not a digit. */
function digits(text: string, at: number, length: number): number {
  let value = 0;
  for (let index = at; index < at + length; index += 1) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * A timestamptz as a TEXT_SESSION_OPTIONS session writes it, "2026-11-27 20:38:45.899123+00", read
 * by position; anything else (years before 1000, which Date.UTC would read as 19xx, BC, another
 * zone) goes to pg's own parser. Event times are never infinite (their partition would not exist).
 */
export function timestampFromText(text: string): Date {
  const end = text.length - 3;
  // Digits after the point: none (end 19), or 1 to 6 after a "." at 19.
  const places = end === 19 ? 0 : end - 20;
  const year = digits(text, 0, 4);
  if (year >= 1000 && text.startsWith("+00", end) && (places === 0 || (places <= 6 && text.charCodeAt(19) === 46))) {
    const millis = places === 0 ? 0 : Math.floor((digits(text, 20, places) * 10 ** (6 - places)) / 1000);
    const ms = Date.UTC(year, digits(text, 5, 2) - 1, digits(text, 8, 2), digits(text, 11, 2), digits(text, 14, 2), digits(text, 17, 2), millis);
    if (!Number.isNaN(ms)) return new Date(ms);
  }
  return parseTimestampTz(text) as Date;
}

/** An integer column as text, or null. */
export function integerFromText(text: string | null): number | null {
  return text === null ? null : Number(text);
}
