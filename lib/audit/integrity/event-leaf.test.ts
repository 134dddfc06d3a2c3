import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJsonBytes } from "./canonical-json";
import { EVENT_LEAF_FIELDS, type EventLeafRecord, eventLeafHash, eventLeafRecord, eventLeafText, eventLeafTextOfRow } from "./event-leaf";
import { leafHash } from "./merkle";

// The leaf hash is RFC 9162's over the record's RFC 8785 canonical JSON; the job writes that text
// with the names' order and form worked out once, from the row without a record. Every way must give
// the same bytes for any row.

const text = fc.oneof(fc.string({ unit: "grapheme" }), fc.constantFrom("山田 太郎", "Zoë", 'a "quoted"\nline', "\u0000\u001f"));
const json = fc.jsonValue({ stringUnit: "grapheme" }).map((value) => JSON.stringify(value));
const row = fc.record(
  Object.fromEntries(
    EVENT_LEAF_FIELDS.map((field) => [
      field,
      field === "changes" || field === "details"
        ? fc.option(json)
        : field.endsWith("Id") && field !== "sourceEventId"
          ? fc.option(fc.integer())
          : fc.option(text),
    ]),
  ),
);

describe("an event's leaf", () => {
  it("is the leaf hash of the record's canonical JSON, for any row as the database reads it", () => {
    fc.assert(
      fc.property(row, (generated) => {
        const record = eventLeafRecord(generated as never);
        expect(eventLeafText(record)).toBe(canonicalJsonBytes(record).toString("utf8"));
        // The checkpoint job's way, straight from the row.
        expect(eventLeafTextOfRow(generated as never)).toBe(eventLeafText(record));
        expect(eventLeafHash(record).equals(leafHash(canonicalJsonBytes(record)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("changes when any one field changes, even to null", () => {
    const base = Object.fromEntries(
      EVENT_LEAF_FIELDS.map((field) => [field, field === "changes" ? [{ field: "Status", old: "a", new: "b" }] : `v-${field}`]),
    ) as EventLeafRecord;
    const hash = eventLeafHash(base);
    for (const field of EVENT_LEAF_FIELDS) {
      expect(eventLeafHash({ ...base, [field]: null }).equals(hash), field).toBe(false);
    }
  });
});
