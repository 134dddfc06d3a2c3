import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CanonicalJsonError, canonicalJson, canonicalJsonBytes } from "./canonical-json";

// RFC 8785 §3.2.2 sample input, as JSON text (parsed the way a verifier would read it).
const RFC_SAMPLE = String.raw`{
  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
  "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
  "literals": [null, true, false]
}`;
// RFC 8785 §3.2.3 output and §3.2.4 UTF-8 bytes of it.
const RFC_SAMPLE_OUT = String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`;
const RFC_SAMPLE_BYTES = `
7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72
75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a
5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31
65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37
5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30
30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d`;

// RFC 8785 Appendix B: IEEE-754 bit patterns and their canonical text.
const APPENDIX_B: [string, string][] = [
  ["0000000000000000", "0"],
  ["8000000000000000", "0"],
  ["0000000000000001", "5e-324"],
  ["8000000000000001", "-5e-324"],
  ["7fefffffffffffff", "1.7976931348623157e+308"],
  ["ffefffffffffffff", "-1.7976931348623157e+308"],
  ["4340000000000000", "9007199254740992"],
  ["c340000000000000", "-9007199254740992"],
  ["4430000000000000", "295147905179352830000"],
  ["44b52d02c7e14af5", "9.999999999999997e+22"],
  ["44b52d02c7e14af6", "1e+23"],
  ["44b52d02c7e14af7", "1.0000000000000001e+23"],
  ["444b1ae4d6e2ef4e", "999999999999999700000"],
  ["444b1ae4d6e2ef4f", "999999999999999900000"],
  ["444b1ae4d6e2ef50", "1e+21"],
  ["3eb0c6f7a0b5ed8c", "9.999999999999997e-7"],
  ["3eb0c6f7a0b5ed8d", "0.000001"],
  ["41b3de4355555553", "333333333.3333332"],
  ["41b3de4355555554", "333333333.33333325"],
  ["41b3de4355555555", "333333333.3333333"],
  ["41b3de4355555556", "333333333.3333334"],
  ["41b3de4355555557", "333333333.33333343"],
  ["becbf647612f3696", "-0.0000033333333333333333"],
  ["43143ff3c1cb0959", "1424953923781206.2"],
];

function double(bits: string): number {
  return Buffer.from(bits, "hex").readDoubleBE(0);
}

describe("canonicalJson (RFC 8785)", () => {
  it("turns the RFC's sample into the RFC's output, byte for byte", () => {
    expect(canonicalJson(JSON.parse(RFC_SAMPLE))).toBe(RFC_SAMPLE_OUT);
    expect(canonicalJsonBytes(JSON.parse(RFC_SAMPLE)).toString("hex")).toBe(RFC_SAMPLE_BYTES.replace(/\s/g, ""));
  });

  it("writes every Appendix B number as the RFC does", () => {
    for (const [bits, text] of APPENDIX_B) expect(canonicalJson(double(bits)), bits).toBe(text);
  });

  it("sorts names by UTF-16 code units, as the RFC's §3.2.3 sorting example", () => {
    const input = {
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis",
    };
    const names = Object.keys(JSON.parse(canonicalJson(input)) as object);
    // JSON.parse reorders integer-like names; read the order from the text instead.
    const order = [...canonicalJson(input).matchAll(/"([^"]*)":"([^"]*)"/g)].map((m) => m[2]);
    expect(order).toEqual([
      "Carriage Return",
      "One",
      "Control",
      "Latin Small Letter O With Diaeresis",
      "Euro Sign",
      "Emoji: Grinning Face",
      "Hebrew Letter Dalet With Dagesh",
    ]);
    expect(names).toHaveLength(7);
  });

  it("escapes controls as the RFC says and nothing else", () => {
    expect(canonicalJson("\b\t\n\f\r\u0000\u001f\u007f/é")).toBe('"\\b\\t\\n\\f\\r\\u0000\\u001f\u007f/é"');
    expect(canonicalJson({ b: [], a: {} })).toBe('{"a":{},"b":[]}');
  });

  it("refuses what JSON cannot hold, naming where", () => {
    const cases: [unknown, RegExp][] = [
      [{ a: [1, Number.NaN] }, /NaN.*\$\.a\[1\]/],
      [{ a: Number.POSITIVE_INFINITY }, /Infinity.*\$\.a/],
      [{ a: undefined }, /undefined.*\$\.a/],
      [{ n: 10n }, /BigInt.*\$\.n/],
      [{ s: "x\ud800y" }, /lone surrogate.*\$\.s/],
      [{ s: "\udc00" }, /lone surrogate/],
      [{ d: new Date(0) }, /Date is not plain JSON.*\$\.d/],
      [{ f: () => 1 }, /function/],
      // biome-ignore lint/suspicious/noSparseArray: the hole is the case under test
      [[1, , 3], /undefined.*\$\[1\]/],
    ];
    for (const [value, message] of cases) {
      expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
      expect(() => canonicalJson(value)).toThrow(message);
    }
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cyclic.*\$\.self/);
  });

  it("a shared (not cyclic) object is fine, and noncharacters are written as they are", () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    expect(canonicalJsonBytes("\uffff").toString("hex")).toBe("22efbfbf22");
  });

  it("writes what JSON.stringify writes with every object's names sorted, for any JSON value", () => {
    // RFC 8785 defines strings and numbers by ECMAScript's JSON.stringify: with sorted names it is an
    // independent canonicalizer for every value I-JSON allows (no lone surrogates, no -0).
    const reference = (value: unknown): string =>
      Array.isArray(value)
        ? `[${value.map(reference).join(",")}]`
        : value && typeof value === "object"
          ? `{${Object.keys(value)
              .sort()
              .map((key) => `${JSON.stringify(key)}:${reference((value as Record<string, unknown>)[key])}`)
              .join(",")}}`
          : JSON.stringify(Object.is(value, -0) ? 0 : value);
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: "grapheme" }), (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      { numRuns: 500 },
    );
  });

  it("reads back as the same value, and key order or whitespace in the input never matters", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        // -0 is canonically 0, the one value JSON.parse cannot give back as it was.
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        const reordered = JSON.parse(JSON.stringify(value, null, 2), (_k, v) =>
          v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
        );
        expect(canonicalJson(reordered)).toBe(text);
      }),
    );
  });
});
