import { describe, expect, it } from "vitest";
import { evaluateLockout, type Attempt } from "./lockout";

const T0 = new Date("2026-03-02T08:00:00Z").getTime();
const minutes = (m: number) => new Date(T0 + m * 60_000);
const fail = (m: number): Attempt => ({ at: minutes(m), succeeded: false });
const success = (m: number): Attempt => ({ at: minutes(m), succeeded: true });

describe("evaluateLockout", () => {
  it("is open with no attempts", () => {
    expect(evaluateLockout([], minutes(0))).toEqual({ locked: false, failures: 0 });
  });

  it("allows 4 failures within 15 minutes", () => {
    const attempts = [fail(0), fail(1), fail(2), fail(3)];
    expect(evaluateLockout(attempts, minutes(4))).toEqual({ locked: false, failures: 4 });
  });

  it("locks on the 5th failure within 15 minutes, for 15 minutes from that failure", () => {
    const attempts = [fail(0), fail(1), fail(2), fail(3), fail(10)];
    expect(evaluateLockout(attempts, minutes(10))).toEqual({ locked: true, until: minutes(25) });
    expect(evaluateLockout(attempts, new Date(minutes(25).getTime() - 1))).toEqual({ locked: true, until: minutes(25) });
  });

  it("unlocks exactly when the 15 minutes are over, and the count restarts", () => {
    const attempts = [fail(0), fail(1), fail(2), fail(3), fail(4)];
    expect(evaluateLockout(attempts, minutes(19))).toEqual({ locked: false, failures: 0 });
    // One failure after the lock does not lock again: the five before it no longer count.
    expect(evaluateLockout([...attempts, fail(19)], minutes(19))).toEqual({ locked: false, failures: 1 });
    expect(evaluateLockout([...attempts, fail(19), fail(20), fail(21), fail(22)], minutes(22))).toEqual({ locked: false, failures: 4 });
    expect(evaluateLockout([...attempts, fail(19), fail(20), fail(21), fail(22), fail(23)], minutes(23))).toEqual({
      locked: true,
      until: minutes(38),
    });
  });

  it("does not count failures older than 15 minutes", () => {
    const attempts = [fail(0), fail(1), fail(14), fail(15), fail(16)];
    // at minute 16, the failures at 0 and 1 are 15+ minutes old: three count
    expect(evaluateLockout(attempts, minutes(16))).toEqual({ locked: false, failures: 3 });
    expect(evaluateLockout([fail(0), fail(5), fail(10), fail(14), fail(15)], minutes(15))).toEqual({ locked: false, failures: 4 });
    expect(evaluateLockout([fail(0), fail(5), fail(10), fail(14), fail(14.99)], minutes(14.99))).toMatchObject({ locked: true });
  });

  it("forgets failures as they age, without a new attempt", () => {
    expect(evaluateLockout([fail(0), fail(1), fail(2)], minutes(15.5))).toEqual({ locked: false, failures: 2 });
  });

  it("ignores attempts made while locked", () => {
    const attempts = [fail(0), fail(1), fail(2), fail(3), fail(4), fail(5), fail(6), fail(7), fail(8), fail(9)];
    expect(evaluateLockout(attempts, minutes(10))).toEqual({ locked: true, until: minutes(19) });
    expect(evaluateLockout(attempts, minutes(19))).toEqual({ locked: false, failures: 0 });
  });

  it("restarts the count after a successful sign-in", () => {
    const attempts = [fail(0), fail(1), fail(2), fail(3), success(4), fail(5)];
    expect(evaluateLockout(attempts, minutes(5))).toEqual({ locked: false, failures: 1 });
  });

  it("does not depend on the order the attempts are given in", () => {
    const attempts = [fail(4), fail(0), fail(3), fail(1), fail(2)];
    expect(evaluateLockout(attempts, minutes(5))).toEqual({ locked: true, until: minutes(19) });
  });
});
