import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { resetRateLimits } from "@/lib/api/rate-limit";
import { guardedAction } from "./guarded-action";
import type { Principal } from "./principal";
import { runAs } from "./principal-context";

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

const AUDITOR: Principal = { userId: 2, username: "audrey", displayName: "Audrey", role: "AUDITOR", sessionId: null };
const ADMIN: Principal = { ...AUDITOR, userId: 1, username: "ada", role: "ADMIN" };

describe("a server action declared through guardedAction", () => {
  const runs: unknown[] = [];
  const save = guardedAction(
    {
      role: "admin",
      action: "Changing the retention",
      input: z.object({ days: z.number().min(30, "at least 30") }),
      labels: { days: "Retention period (days)" },
    },
    async (input, principal) => {
      runs.push(input);
      if (input.days === 31) throw new Error("unexpected");
      return `${principal.username} saved ${input.days}`;
    },
  );

  it("refuses without the role before it reads the input, in the shape the forms show", async () => {
    expect(await save({ days: 40 })).toEqual({ ok: false, message: "Sign in to use the Audit Console." });
    expect(await runAs(AUDITOR, () => save({ days: 40 }))).toEqual({
      ok: false,
      message: "Changing the retention needs the Administrator role. You are signed in as audrey (Auditor).",
    });
    expect(runs).toEqual([]);
  });

  it("names the field of bad input, runs with good input, and throws what nobody expected", async () => {
    expect(await runAs(ADMIN, () => save({ days: 3 }))).toEqual({ ok: false, field: "days", message: "Retention period (days): at least 30" });
    expect(await runAs(ADMIN, () => save("nonsense"))).toMatchObject({ ok: false, field: "body" });
    expect(await runAs(ADMIN, () => save({ days: 40 }))).toEqual({ ok: true, value: "ada saved 40" });
    await expect(runAs(ADMIN, () => save({ days: 31 }))).rejects.toThrow("unexpected");
  });

  it("counts each call against the account's rate limit, refusing past it in the forms' shape without running", async () => {
    vi.stubEnv("API_RATE_LIMIT", "3");
    vi.useFakeTimers({ toFake: ["Date"] });
    resetRateLimits();
    try {
      const answers = [];
      for (let call = 0; call < 4; call += 1) answers.push(await runAs(ADMIN, () => save({ days: 50 + call })));
      expect(answers.slice(0, 3).every((answer) => answer.ok)).toBe(true);
      expect(answers[3]).toEqual({ ok: false, message: "Too many requests: at most 3 a minute per user. Try again in 20 s." });
      expect(runs.slice(-3)).toEqual([{ days: 50 }, { days: 51 }, { days: 52 }]);
      // another account has a budget of its own
      expect(await runAs({ ...ADMIN, userId: 9, username: "bo" }, () => save({ days: 60 }))).toEqual({ ok: true, value: "bo saved 60" });
    } finally {
      vi.useRealTimers();
      vi.unstubAllEnvs();
      resetRateLimits();
    }
  });
});
