// Hostile values, as fast-check arbitraries: huge strings, unicode (lone surrogates and NUL too),
// numbers past 2^53, arrays and objects where a scalar belongs, bad JSON and wrong content types,
// and some 10 MB bodies. Pure: the request driver (hostile.ts) samples them with a seed.
import fc from "fast-check";

export const TEN_MB = 10 * 1024 * 1024;

/** Strings that trip parsers: empty, NUL, escapes, injections, dates that do not exist, big numbers. */
const NASTY_STRINGS = [
  "",
  " ",
  "\0",
  "a\0b",
  "%00",
  "%",
  "%zz",
  "%E0%A4%A",
  "\\",
  "\uD800",
  "\uFEFF",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-0",
  "-1",
  "0",
  "1e308",
  "1e-400",
  "0x1F",
  "9007199254740993",
  "-9007199254740993",
  "99999999999999999999999999999999",
  "1.5",
  "true",
  "[]",
  "{}",
  "[object Object]",
  "' OR '1'='1",
  '"; DROP TABLE "AuditEvent"; --',
  "$where",
  "__proto__",
  "constructor",
  "prototype",
  "../../../../etc/passwd",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "http://localhost:3800.evil.example/",
  "//evil.example",
  "2026-02-30",
  "2026-13-01T25:61:00Z",
  "0000-01-01T00:00:00Z",
  "+275760-09-13T00:00:00.001Z",
  "-271821-04-20T00:00:00Z",
  "Last_365_Days",
  "2026-11-28T08:00:00.000Z,-1",
  "MjAyNi0xMS0yOFQwODowMDowMC4wMDBaLDE=",
  "1,2,3,,,,",
  "a".repeat(300),
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ﷽ 🏳️‍🌈 ٩(͡๏̯͡๏)۶",
];

/** One query-string or form value. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 5 }).map((power) => "9".repeat(10 ** power / 2)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 200 }).map((count) => Array.from({ length: count }, (_, i) => i + 1).join(",")) },
);

/** A JSON value where the schema expects something else: scalars, arrays for scalars, deep and prototype keys. */
const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_VALUE, 1e308) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom({ __proto__: null }, JSON.parse('{"__proto__":false}'), { constructor: { prototype: 1 } }) },
);

/** A JSON object over the operation's own keys (so that validation goes past the first field) and some others. */
export function hostileObject(keys: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const key = keys.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: hostileString }) : hostileString;
  return fc.dictionary(key, hostileJson, { maxKeys: Math.max(4, keys.length + 2) });
}

export interface HostileBody {
  body: string;
  contentType: string | null;
  /** what the body is, for the summary: "json", "bad json", "10 MB"... */
  kind: string;
}

const CONTENT_TYPES = [
  "application/json",
  "text/plain;charset=UTF-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "multipart/form-data; boundary=x",
  "application/xml",
  "application/json; charset=utf-16",
  "*/*",
  null,
];

const BAD_JSON = ["", "not json", "[", "{", "null", "]", '{"a":', '{"a":1}}', "\0", "\uFEFF{}", "[".repeat(100_000), '{"a":'.repeat(50_000), "1".repeat(400)];

/** A request body: good JSON of hostile values, bad JSON or the wrong content type. */
export function hostileBody(keys: readonly string[]): fc.Arbitrary<HostileBody> {
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc.tuple(fc.oneof(hostileObject(keys), hostileJson), fc.constantFrom(...CONTENT_TYPES)).map(([value, contentType]) => ({
        body: JSON.stringify(value) ?? "null",
        contentType: contentType ?? "application/json",
        kind: contentType === "application/json" || contentType === null ? "json" : "json, other type",
      })),
    },
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...BAD_JSON), fc.constantFrom(...CONTENT_TYPES))
        .map(([body, contentType]) => ({ body, contentType, kind: "bad json" })),
    },
  );
}

/** 10 MB bodies: few (each is 10 MB over loopback), sent once per operation that takes a body. */
export const TEN_MB_BODIES: readonly HostileBody[] = ["a", "[1,", '{"a":"'].map((start) => ({
  body: start + "1".repeat(TEN_MB),
  contentType: "application/json",
  kind: "10 MB",
}));

/** A query string: the operation's own parameters and others, repeated (arrays for scalars), hostile values. */
export function hostileQuery(keys: readonly string[]): fc.Arbitrary<string> {
  const key = keys.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: hostileString }) : hostileString;
  return fc.array(fc.tuple(key, hostileString), { maxLength: 8 }).chain((pairs) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constant(new URLSearchParams(pairs.map(([name, value]) => [name, value] as [string, string])).toString()) },
      // Raw, unencoded: a client that does not encode (percent signs that decode to nothing, brackets).
      { weight: 1, arbitrary: fc.constant(pairs.map(([name, value]) => `${name}=${value}`).join("&")) },
      { weight: 1, arbitrary: fc.constantFrom("users[]=1&users[]=2", "a[b][c]=1", "=&=&&", "%", "users=%00", `users=${"1,".repeat(5000)}`) },
    ),
  );
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A path segment for [id], [file] and the like. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "1",
      "0",
      "-1",
      "9007199254740993",
      "99999999999999999999",
      "1.5",
      "abc",
      "%00",
      "%2e%2e",
      "logins.csv",
      "x.pdf",
      "logins.exe",
      "",
    ),
  },
  // encodeURIComponent throws on a lone surrogate: it goes as U+FFFD, as a browser sends it.
  { weight: 2, arbitrary: hostileString.map((value) => encodeURIComponent(value.replace(LONE_SURROGATE, "\uFFFD"))) },
);
