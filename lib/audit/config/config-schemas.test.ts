import { describe, expect, it } from "vitest";
import { InputError } from "@/lib/api/input-error";
import { coverageRequestSchema, parseConfigInput } from "./config-schemas";

function refusal(input: unknown): { field: string; message: string } {
  try {
    parseConfigInput(coverageRequestSchema, input);
  } catch (error) {
    if (error instanceof InputError) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error("accepted");
}

describe("coverageRequestSchema", () => {
  // JSON.parse makes "__proto__" an own key; z.record alone dropped it and answered 200 with nothing saved.
  it.each(["__proto__", "constructor", "prototype"])("refuses the key %s by name", (key) => {
    expect(refusal(JSON.parse(`{"eventTypes":{"${key}":false}}`))).toEqual({
      field: `eventTypes.${key}`,
      message: `eventTypes.${key}: is a reserved name, not a field`,
    });
  });

  it("refuses a reserved key beside good ones", () => {
    expect(refusal(JSON.parse('{"eventTypes":{"USER_LOGOUT":false,"__proto__":{"polluted":true}}}')).field).toBe("eventTypes.__proto__");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("still takes the switches by any spelling", () => {
    expect(parseConfigInput(coverageRequestSchema, { eventTypes: { USER_LOGOUT: false, "Artifact Create": true } })).toEqual({
      eventTypes: { USER_LOGOUT: false, ARTIFACT_CREATE: true },
    });
  });
});
