// Walks the window day by day and yields the events in time order, in batches, so ids rise with
// time and memory stays flat however many events are asked for. Each day gets its share of every
// kind of event; work is done by people during their sessions, in time order, so an item's events
// follow its life. The last day tops up with work item updates to reach the exact total.
import type { ArtifactKind } from "@/lib/generated/prisma/enums";
import { timeInDay, type Calendar, type Day } from "./calendar";
import type { EventRow } from "./event-row";
import { ItemLife, type ItemOperation } from "./item-events";
import { STEADY_USERS } from "./people";
import { accountEvents, permissionChange } from "./permission-events";
import type { Plan } from "./plan";
import { WeightedPicker, type Random } from "./random";
import { signIns, type Regulars, type Session } from "./sessions";
import { isActiveAt, type SeedUser, type World } from "./world";

interface Slot {
  time: number;
  actor: SeedUser | null;
  kind: ArtifactKind | "PERMISSION";
  operation: ItemOperation;
}

const OPERATIONS: ItemOperation[] = ["create", "update", "remove", "restore", "delete"];
const byTime = (a: { createdAt: number }, b: { createdAt: number }) => a.createdAt - b.createdAt;

export function* timeline(world: World, plan: Plan, calendar: Calendar, rng: Random, batchSize: number): Generator<EventRow[]> {
  const life = new ItemLife(world, rng.fork("items"));
  const accounts = accountEvents(world, rng.fork("accounts"));
  const people = new WeightedPicker(world.users, (user) => user.activity);
  const sessionRng = rng.fork("sessions");
  const regulars = regularsOf(world, calendar, plan);
  const slotRng = rng.fork("slots");
  const done = { logins: 0, permissions: 0, total: 0, WORK_ITEM: counter(), ARTIFACT: counter() };
  let accountIndex = 0;
  let later: EventRow[] = [];
  let batch: EventRow[] = [];
  const lastDay = calendar.days.length - 1;

  for (const day of calendar.days) {
    const share = calendar.shareUntil[day.index];
    const events: EventRow[] = [];
    while (accountIndex < accounts.length && accounts[accountIndex].createdAt < day.end) events.push(accounts[accountIndex++]);
    const signedIn = signIns(day, Math.round(plan.logins * share) - done.logins, plan.logins - done.logins, calendar.now, people, regulars, sessionRng);
    done.logins += signedIn.events.length;
    events.push(...signedIn.events);

    const workers = new WeightedPicker(signedIn.sessions, (session) => session.to - session.from);
    const slots: Slot[] = [];
    for (const kind of ["WORK_ITEM", "ARTIFACT"] as const) {
      for (const operation of OPERATIONS) {
        const quota = Math.round(plan[kind === "WORK_ITEM" ? "workItems" : "artifacts"][operation] * share) - done[kind][operation];
        for (let i = 0; i < quota; i++) slots.push(workSlot(day, workers, people, kind, operation, slotRng));
      }
    }
    const permissionQuota = Math.round(plan.permissions * share) - done.permissions;
    for (let i = 0; i < permissionQuota; i++) slots.push({ time: timeInDay(day, slotRng), actor: null, kind: "PERMISSION", operation: "update" });

    done.total = accountIndex + done.logins + done.permissions + sum(done.WORK_ITEM) + sum(done.ARTIFACT);
    slots.sort((a, b) => a.time - b.time);
    const resolve = (slot: Slot) => {
      const row = slot.kind === "PERMISSION" ? permissionChange(world, slot.time, slotRng) : life.apply(slot.operation, slot.kind, slot.actor!, slot.time);
      if (!row) return;
      events.push(row);
      if (slot.kind === "PERMISSION") done.permissions++;
      else done[slot.kind][slot.operation]++;
      done.total++;
    };
    slots.forEach(resolve);
    // Top up on the last day: slots dropped for want of a candidate, and a sign-in the plan had no
    // room for, leave the total short. No kind ever passes its plan, so it is never over.
    for (let attempts = 0; day.index === lastDay && done.total < plan.total && attempts < 100_000; attempts++) {
      resolve(workSlot(day, workers, people, "WORK_ITEM", "update", slotRng));
    }

    events.sort(byTime);
    const due = later.filter((row) => row.createdAt < day.end);
    later = later.filter((row) => row.createdAt >= day.end).concat(events.filter((row) => row.createdAt >= day.end));
    const today = events.filter((row) => row.createdAt < day.end);
    batch.push(...(due.length ? today.concat(due).sort(byTime) : today));
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  life.settleUncreated(calendar.windowStart);
  batch.push(...later.sort(byTime));
  if (batch.length) yield batch;
}

/**
 * The console accounts and the steady users sign in on most working days: every seed, however
 * small, has their recent logins. They take at most 30% of the login events.
 */
function regularsOf(world: World, calendar: Calendar, plan: Plan): Regulars {
  const users = world.users.filter((user) => user.password || STEADY_USERS.includes(user.username));
  const workingDays = calendar.days.filter((day) => new Date(day.start).getUTCDay() % 6 !== 0).length;
  return { users, chance: Math.min(0.85, (0.3 * plan.logins) / (2 * users.length * workingDays)) };
}

function counter(): Record<ItemOperation, number> {
  return { create: 0, update: 0, remove: 0, restore: 0, delete: 0 };
}

function sum(counts: Record<ItemOperation, number>): number {
  return counts.create + counts.update + counts.remove + counts.restore + counts.delete;
}

/** Work done during someone's session; on a day without sessions, by someone active then. */
function workSlot(
  day: Day,
  workers: WeightedPicker<Session>,
  people: WeightedPicker<SeedUser>,
  kind: ArtifactKind,
  operation: ItemOperation,
  rng: Random,
): Slot {
  if (workers.size > 0) {
    const session = workers.pick(rng);
    return { time: session.from + Math.floor(rng.next() * (session.to - session.from)), actor: session.user, kind, operation };
  }
  const time = timeInDay(day, rng);
  let actor = people.pick(rng);
  for (let attempt = 0; attempt < 20 && !isActiveAt(actor, time); attempt++) actor = people.pick(rng);
  return { time, actor, kind, operation };
}
