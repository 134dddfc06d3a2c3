import fc from "fast-check";
import { expect, it } from "vitest";
import { CHANGE_KINDS, changeListSchema, parseChanges } from "./changes";

/** What zod alone reads: the schema is the definition of a valid change list. */
function zodReading(value: unknown) {
  const parsed = changeListSchema.safeParse(value);
  return parsed.success ? { changes: parsed.data, invalid: false } : { changes: [], invalid: true };
}

// Values near the schema's edges: each kind of change value, and ones that are almost one.
const values = fc.oneof(
  fc.constantFrom(null, "", "High", 0, -1.5, 2 ** 53, 2 ** 53 - 1, true, false),
  fc.string(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.record(
    { id: fc.oneof(fc.integer(), fc.constant(null), fc.constant(1.5), fc.constant(2 ** 60), fc.string()), name: fc.oneof(fc.string(), fc.integer()) },
    { requiredKeys: [] },
  ),
  fc.record({ id: fc.integer(), name: fc.string(), extra: fc.string() }),
  fc.dictionary(fc.constantFrom("Developer", "Tester", "id", "name", "__proto__", "0", "constructor"), fc.oneof(fc.string(), fc.integer()), { maxKeys: 3 }),
);
const changes = fc.record(
  {
    field: fc.oneof(fc.constantFrom("", "Status", "Description"), fc.string()),
    kind: fc.constantFrom(...CHANGE_KINDS, "bogus", 3),
    old: values,
    new: values,
    other: fc.string(),
  },
  { requiredKeys: [] },
);
// As stored: through JSON text, as the column holds it.
const stored = fc
  .oneof(fc.array(changes, { maxLength: 4 }), fc.jsonValue(), fc.array(fc.jsonValue(), { maxLength: 3 }))
  .map((value) => JSON.parse(JSON.stringify(value) ?? "null"));

it("reads every change list as the zod schema does, valid or not", () => {
  fc.assert(
    fc.property(stored, (value) => {
      expect(parseChanges(value)).toEqual(value === null ? { changes: [], invalid: false } : zodReading(value));
    }),
    { numRuns: 20_000 },
  );
});

it("reads a key that names a prototype as zod does", () => {
  const value = JSON.parse('[{"field":"Permissions","kind":"access","old":{"__proto__":"Read"},"new":{"Developer":"Write"}}]');
  expect(parseChanges(value)).toEqual(zodReading(value));
});
