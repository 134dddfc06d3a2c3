import { describe, expect, it } from "vitest";
import { parseCount, parseSeedArgs } from "./cli";

describe("parseCount", () => {
  it.each([
    ["10000000", 10_000_000],
    ["10_000_000", 10_000_000],
    ["10,000,000", 10_000_000],
    ["10m", 10_000_000],
    ["10M", 10_000_000],
    ["200k", 200_000],
    ["1.5m", 1_500_000],
    ["5000", 5000],
  ])("reads %s", (text, value) => {
    expect(parseCount(text)).toBe(value);
  });

  it.each(["", "ten", "-5", "1.5", "10g", "1e6"])("refuses %j", (text) => {
    expect(() => parseCount(text)).toThrow();
  });
});

describe("parseSeedArgs", () => {
  it("has defaults", () => {
    expect(parseSeedArgs([])).toEqual({ events: 200_000, seed: 1, force: false, help: false });
  });

  it("reads every option, with = or a separate value", () => {
    expect(parseSeedArgs(["--events", "10m", "--seed=42", "--force"])).toEqual({ events: 10_000_000, seed: 42, force: true, help: false });
    expect(parseSeedArgs(["--events=200k"]).events).toBe(200_000);
  });

  it("names what is wrong", () => {
    expect(() => parseSeedArgs(["--events"])).toThrow("--events needs a value");
    expect(() => parseSeedArgs(["--seed", "x"])).toThrow(/--seed must be a whole number/);
    expect(() => parseSeedArgs(["--fast"])).toThrow('Unknown option "--fast"');
  });
});
