import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ingestEventSchema } from "./ingest-schema";
import { plainIngestEvent } from "./plain-event";

// The plain reader must give zod's answer or none: never accept what zod refuses, never read a
// value otherwise. Events are drawn valid and then spoiled one field at a time.
const NOW = Date.parse("2026-11-27T12:00:00Z");
const schema = ingestEventSchema(() => NOW);

const oddValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(""),
  fc.constant("   "),
  fc.constant(0),
  fc.constant(-1),
  fc.constant(1.5),
  fc.constant(2 ** 53),
  fc.constant(Number.NaN),
  fc.constant(true),
  fc.constant([]),
  fc.constant({}),
  fc.constant("x".repeat(501)),
  fc.constant("constructor"),
  fc.constant("__proto__"),
  fc.string({ maxLength: 8 }),
  fc.integer(),
);
const senderId = fc.oneof(fc.string({ minLength: 0, maxLength: 12 }), fc.integer({ min: -1000, max: 10 ** 9 }), fc.constant(` id-7 `));
const person = fc.record(
  {
    id: senderId,
    username: fc.oneof(fc.constantFrom("jdoe", " amy ", "zoë"), fc.string({ maxLength: 6 })),
    displayName: fc.oneof(fc.constant(null), fc.constantFrom("Jane Doe", "  Zoë Müller ", "")),
    email: fc.oneof(fc.constant(null), fc.constantFrom("a@b.c", "")),
    enabled: fc.oneof(fc.constant(null), fc.boolean()),
  },
  { requiredKeys: ["id", "username"] },
);
const place = fc.record({ id: senderId, name: fc.constantFrom("Braking", " Bugs ", "", "Requirements") });
const artifact = fc.record(
  { id: senderId, name: fc.constantFrom("REQ-1", " Spec ", ""), kind: fc.constantFrom("WORK_ITEM", "artifact", "Work Item", "thing", "constructor") },
  { requiredKeys: ["name"] },
);
const changeValue = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 5 }),
  fc.integer(),
  fc.boolean(),
  fc.constant({ id: 7, name: "bob" }),
  fc.constant({ Developer: "Read" }),
);
const change = fc.record(
  {
    field: fc.constantFrom("Status", "", "Description"),
    kind: fc.constantFrom("text", "user", "access", "longtext", "bogus"),
    old: changeValue,
    new: changeValue,
  },
  { requiredKeys: ["field"] },
);
const event = fc.record(
  {
    id: senderId,
    type: fc.constantFrom(
      "User Login",
      "USER_LOGOUT",
      "Work Item Update",
      "work_item_create",
      "Artifact Permission Update",
      "Group Assign",
      "User Disable",
      "Audit Export",
      "Coffee",
      "toString",
    ),
    createdAt: fc.constantFrom(
      "2026-11-27T10:00:00Z",
      "2026-11-27T11:00:00.123+01:00",
      "2026-11-27T12:04:00Z",
      "2026-11-27T12:06:00Z",
      "2026-11-27 10:00",
      "yesterday",
    ),
    actor: person,
    targetUser: fc.oneof(fc.constant(null), person),
    project: fc.oneof(fc.constant(null), place),
    tracker: fc.oneof(fc.constant(null), place),
    artifact: fc.oneof(fc.constant(null), artifact),
    message: fc.oneof(fc.constant(null), fc.string({ maxLength: 10 })),
    changes: fc.oneof(fc.constant(null), fc.array(change, { maxLength: 3 })),
    ip: fc.oneof(fc.constant(null), fc.constantFrom("10.0.0.7", "::1", "2001:db8::1", "300.1.1.1", "host")),
    userAgent: fc.oneof(fc.constant(null), fc.constant("curl/8")),
    details: fc.oneof(fc.constant(null), fc.constant({ a: 1, b: [true, "x"] }), fc.constant({ bad: Number.POSITIVE_INFINITY }), fc.constant([1])),
  },
  { requiredKeys: ["id", "type", "createdAt", "actor"] },
);
const paths = ["id", "type", "createdAt", "actor", "actor.id", "actor.username", "artifact.kind", "project.name", "extra"];
const spoiled = fc.tuple(event, fc.constantFrom(...paths), oddValue, fc.boolean()).map(([base, path, value, spoil]) => {
  if (!spoil) return base;
  const copy = structuredClone(base) as Record<string, unknown>;
  const [head, tail] = path.split(".");
  if (tail && typeof copy[head!] === "object" && copy[head!] !== null) (copy[head!] as Record<string, unknown>)[tail] = value;
  else copy[head!] = value;
  return copy;
});

describe("the plain reader of an ingested event", () => {
  it("gives zod's answer or leaves the event to zod", () => {
    let read = 0;
    let valid = 0;
    fc.assert(
      fc.property(spoiled, (candidate) => {
        const parsed = schema.safeParse(candidate);
        const plain = plainIngestEvent(candidate, NOW);
        if (parsed.success) valid++;
        if (plain === undefined) return;
        read++;
        expect(parsed.success).toBe(true);
        expect(plain).toEqual(parsed.data);
      }),
      { numRuns: 10_000 },
    );
    // it must read most valid events itself, or it saves nothing
    expect(valid).toBeGreaterThan(50);
    expect(read / valid).toBeGreaterThan(0.9);
  });
});
