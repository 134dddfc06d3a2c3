// RFC 8785 JSON Canonicalization Scheme (JCS). A leaf hash is only checkable by a third party if
// both sides turn the same value into the same bytes; JCS is the published, implementable rule
// for that (sorted keys, ECMAScript number text, minimal string escapes, no whitespace).
//
// Input is a JavaScript value as JSON.parse would produce it (null, boolean, number, string,
// array, plain object). Anything JSON cannot carry is refused with the path of the offending
// value rather than silently dropped or coerced, because a silently changed value would hash
// differently from what a verifier reads back (JSON.stringify drops undefined and turns NaN into
// null: both would make a hash that no verifier can reproduce).

export class CanonicalJsonError extends Error {
  constructor(
    message: string,
    /** JSONPath-like location of the offending value, e.g. `$.changes[2].old` */
    readonly path: string,
  ) {
    super(`${message} at ${path}`);
    this.name = "CanonicalJsonError";
  }
}

/** The canonical JSON text of `value` (RFC 8785 §3.2). */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, "$", out, new Set());
  return out.join("");
}

/** The UTF-8 bytes of the canonical form: what gets hashed (RFC 8785 §3.2.4: UTF-8). */
export function canonicalJsonBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), "utf8");
}

function write(value: unknown, path: string, out: string[], open: Set<object>): void {
  switch (typeof value) {
    case "string":
      out.push(serializeString(value, path));
      return;
    case "number":
      out.push(serializeNumber(value, path));
      return;
    case "boolean":
      out.push(value ? "true" : "false");
      return;
    case "bigint":
      throw new CanonicalJsonError("A BigInt has no JSON form (JCS numbers are IEEE-754 doubles, RFC 8785 §3.2.2.3); send it as a string", path);
    case "undefined":
      throw new CanonicalJsonError("undefined has no JSON form; omit the member or use null", path);
    case "function":
    case "symbol":
      throw new CanonicalJsonError(`A ${typeof value} has no JSON form`, path);
  }
  if (value === null) {
    out.push("null");
    return;
  }
  const object = value as object;
  if (open.has(object)) throw new CanonicalJsonError("A cyclic structure has no JSON form", path);
  open.add(object);
  if (Array.isArray(object)) {
    // RFC 8785 §3.2.3: array order is data and is kept.
    // An index loop, not forEach: a hole in a sparse array must be refused (as undefined), not skipped.
    out.push("[");
    for (let i = 0; i < object.length; i++) {
      if (i > 0) out.push(",");
      write(object[i], `${path}[${i}]`, out, open);
    }
    out.push("]");
  } else {
    const proto = Object.getPrototypeOf(object);
    if (proto !== Object.prototype && proto !== null) {
      // Dates, Buffers, Maps...: their JSON form is a choice the caller must make explicitly
      // (e.g. toISOString()), or the hash would depend on a library's toJSON.
      const kind = (object as { constructor?: { name?: string } }).constructor?.name ?? "object";
      throw new CanonicalJsonError(`A ${kind} is not plain JSON data; convert it first`, path);
    }
    // RFC 8785 §3.2.3: members sorted by the UTF-16 code units of their names. The default
    // Array.prototype.sort compares exactly that way (not by code point, not by locale).
    const keys = Object.keys(object).sort();
    out.push("{");
    keys.forEach((key, i) => {
      if (i > 0) out.push(",");
      const childPath = `${path}.${key}`;
      out.push(serializeString(key, childPath), ":");
      write((object as Record<string, unknown>)[key], childPath, out, open);
    });
    out.push("}");
  }
  open.delete(object);
}

// RFC 8785 §3.2.2.3: numbers are written as ECMAScript's Number.prototype.toString writes them
// (shortest round-tripping digits, exponent from 1e21 and below 1e-6, -0 as 0). String(n) is
// that algorithm; only the values JSON cannot express are refused.
function serializeNumber(value: number, path: string): string {
  if (!Number.isFinite(value)) {
    throw new CanonicalJsonError(`${value} has no JSON form (RFC 8785 §3.2.2.3)`, path);
  }
  return String(value);
}

// RFC 8785 §3.2.2.2: escape only '"', '\\' and U+0000..U+001F; \b \t \n \f \r by name, the
// other controls as lowercase \u00hh; every other character as is (UTF-8 in the output).
// RFC 8785 §3.1 requires I-JSON (RFC 7493 §2.1), which forbids unpaired surrogates: such a string
// has no UTF-8 encoding, so two implementations could not agree on its bytes. Noncharacters
// (U+FFFF...), which I-JSON also excludes, are kept: they have one UTF-8 form, and refusing them
// would leave a stored event that cannot be hashed at all.
function serializeString(value: string, path: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = value.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      throw new CanonicalJsonError(`A lone surrogate (U+${c.toString(16).toUpperCase()}) is not valid I-JSON (RFC 8785 §3.1, RFC 7493 §2.1)`, path);
    }
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c) continue;
    out += value.slice(start, i) + escapeOf(c);
    start = i + 1;
  }
  return `${out + value.slice(start)}"`;
}

const NAMED_ESCAPES: Record<number, string> = {
  8: "\\b",
  9: "\\t",
  10: "\\n",
  12: "\\f",
  13: "\\r",
  34: '\\"',
  92: "\\\\",
};

function escapeOf(c: number): string {
  return NAMED_ESCAPES[c] ?? `\\u${c.toString(16).padStart(4, "0")}`;
}
