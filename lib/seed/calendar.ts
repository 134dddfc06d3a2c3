// When things happen: the 400 days before "now", weighted like an engineering organisation works
// (busy weekday office hours, quiet nights and weekends, a lull over the year-end holidays, slow
// growth over the year). Hours are UTC; the peak sits on European office hours.
import type { Random } from "./random";

export const WINDOW_DAYS = 400;
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const WEEKDAY_HOURS = [0.02, 0.015, 0.01, 0.01, 0.015, 0.04, 0.15, 0.5, 0.9, 1, 1, 0.92, 0.62, 0.85, 1, 0.95, 0.8, 0.5, 0.28, 0.18, 0.14, 0.1, 0.06, 0.035];
const WEEKEND_HOURS = [
  0.03, 0.02, 0.015, 0.01, 0.01, 0.015, 0.03, 0.06, 0.12, 0.2, 0.26, 0.28, 0.26, 0.26, 0.28, 0.27, 0.24, 0.2, 0.18, 0.17, 0.16, 0.12, 0.08, 0.05,
];
/** Sunday first, as Date.getUTCDay() counts. */
const WEEKDAY_WEIGHTS = [0.2, 1, 1.05, 1.05, 1, 0.82, 0.25];

export interface Day {
  index: number;
  /** the part of this UTC day inside the window: [start, end) */
  start: number;
  end: number;
  /** how much happens this day, relative to the others */
  weight: number;
  /** the weight of each hour of the day, 0 outside [start, end) */
  hourWeights: number[];
}

export interface Calendar {
  now: number;
  windowStart: number;
  days: Day[];
  /** cumulative share of all activity up to the end of day i */
  shareUntil: number[];
}

export function buildCalendar(now: Date, rng: Random): Calendar {
  const end = now.getTime();
  const windowStart = end - WINDOW_DAYS * DAY;
  const days: Day[] = [];
  let weekNoise = 1;
  for (let dayStart = Math.floor(windowStart / DAY) * DAY, index = 0; dayStart < end; dayStart += DAY, index++) {
    const date = new Date(dayStart);
    const weekday = date.getUTCDay();
    if (weekday === 1 || index === 0) weekNoise = 0.85 + rng.next() * 0.3;
    const profile = weekday === 0 || weekday === 6 ? WEEKEND_HOURS : WEEKDAY_HOURS;
    const hourWeights = profile.map((weight, hour) => {
      const from = Math.max(dayStart + hour * HOUR, windowStart);
      const to = Math.min(dayStart + (hour + 1) * HOUR, end);
      return to > from ? (weight * (to - from)) / HOUR : 0;
    });
    const growth = 0.8 + (0.35 * (dayStart - windowStart)) / (end - windowStart);
    const dayNoise = 0.8 + rng.next() * 0.4;
    const weight = WEEKDAY_WEIGHTS[weekday] * seasonOf(date) * growth * weekNoise * dayNoise * sum(hourWeights);
    days.push({ index, start: Math.max(dayStart, windowStart), end: Math.min(dayStart + DAY, end), weight, hourWeights });
  }
  const total = sum(days.map((day) => day.weight));
  const shareUntil: number[] = [];
  let running = 0;
  for (const day of days) {
    running += day.weight;
    shareUntil.push(running / total);
  }
  shareUntil[shareUntil.length - 1] = 1;
  return { now: end, windowStart, days, shareUntil };
}

/** Year-end holidays and the August lull. */
function seasonOf(date: Date): number {
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  if ((month === 11 && day >= 23) || (month === 0 && day <= 2)) return 0.22;
  if (month === 7) return 0.75;
  return 1;
}

function sum(values: number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** A moment of `day`, at an hour as likely as its weight. */
export function timeInDay(day: Day, rng: Random): number {
  const hour = rng.weighted(HOURS, day.hourWeights);
  const hourStart = Math.floor(day.start / DAY) * DAY + hour * HOUR;
  const from = Math.max(hourStart, day.start);
  const to = Math.min(hourStart + HOUR, day.end);
  return Math.min(to - 1, from + Math.floor(rng.next() * (to - from)));
}

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** A moment in [from, to), on a day and hour as likely as their weights (office hours mostly). */
export function timeBetween(calendar: Calendar, from: number, to: number, rng: Random): number {
  const first = calendar.days.findIndex((day) => day.end > from);
  let last = calendar.days.findIndex((day) => day.start >= to);
  if (last === -1) last = calendar.days.length;
  const days = calendar.days.slice(Math.max(0, first), last);
  if (days.length === 0) return from;
  const weights = days.map((day) => day.weight);
  for (let attempt = 0; attempt < 50; attempt++) {
    const time = timeInDay(rng.weighted(days, weights), rng);
    if (time >= from && time < to) return time;
  }
  return from + Math.floor(rng.next() * (to - from));
}
