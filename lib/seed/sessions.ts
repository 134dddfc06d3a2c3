// Sign-ins of one day: each a User Login, then a User Logout, or a User System Logout when the
// session expired (30 minutes after the last activity) or the account was disabled meanwhile.
// A session still open at "now" has no logout yet.
import { DAY, HOUR, MINUTE, timeInDay, type Day } from "./calendar";
import { sessionIp, userAgent } from "./clients";
import { eventRow, type EventRow } from "./event-row";
import type { Random, WeightedPicker } from "./random";
import { activeUntil, isActiveAt, type SeedUser } from "./world";

const IDLE_TIMEOUT = 30 * MINUTE;

export interface Session {
  user: SeedUser;
  /** when the user was active: [from, to), inside the day */
  from: number;
  to: number;
}

export interface DaySessions {
  sessions: Session[];
  events: EventRow[];
}

/**
 * The day's sign-ins: first the regulars, who sign in on most working days, then people picked by
 * how active they are until the day's quota of login events is reached. The day may pass its quota
 * (the regulars come whatever it is, a sign-in writes two events): later days then sign in less.
 * It never passes `room`, the login events the whole plan has left: events already written cannot
 * be taken back, and a last day with no other events to drop would end the seed over its total.
 */
export function signIns(day: Day, quota: number, room: number, now: number, people: WeightedPicker<SeedUser>, regulars: Regulars, rng: Random): DaySessions {
  const result: DaySessions = { sessions: [], events: [] };
  const fits = () => result.events.length + 2 <= room;
  if (new Date(day.start).getUTCDay() % 6 !== 0) {
    for (const user of regulars.users) if (fits() && rng.chance(regulars.chance)) signIn(user, timeInDay(day, rng), day, now, result, rng);
  }
  for (let attempts = 0; result.events.length < quota && fits() && attempts < quota * 4 + 10; attempts++) {
    signIn(people.pick(rng), timeInDay(day, rng), day, now, result, rng);
  }
  return result;
}

export interface Regulars {
  users: SeedUser[];
  /** how likely each signs in on a working day */
  chance: number;
}

function signIn(user: SeedUser, start: number, day: Day, now: number, result: DaySessions, rng: Random): void {
  if (!isActiveAt(user, start)) return;
  const duration = Math.min(11 * HOUR, Math.max(3 * MINUTE, rng.logNormal(95 * MINUTE, 0.8)));
  let end = start + Math.round(duration);
  let expired = duration > 9 * HOUR || rng.chance(0.16);
  const disabledAt = activeUntil(user, start);
  if (disabledAt < end) {
    end = disabledAt + rng.int(1000, 60_000);
    expired = true;
  }
  const hour = Math.floor((start % DAY) / HOUR);
  const weekday = new Date(start).getUTCDay() % 6 !== 0;
  const ip = sessionIp(user.client, weekday && hour >= 7 && hour < 18, rng);
  const agent = userAgent(user.client, start, rng);
  const login = eventRow("USER_LOGIN", user, start);
  login.ip = ip;
  login.userAgent = agent;
  result.events.push(login);
  if (end <= now) {
    const logout = eventRow(expired ? "USER_SYSTEM_LOGOUT" : "USER_LOGOUT", user, end);
    logout.ip = ip;
    logout.userAgent = agent;
    result.events.push(logout);
  }
  const lastActivity = expired && end - start > IDLE_TIMEOUT + MINUTE ? end - IDLE_TIMEOUT : end;
  const to = Math.min(lastActivity, day.end, now);
  if (to > start) result.sessions.push({ user, from: start, to });
}
