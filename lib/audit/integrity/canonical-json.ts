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
  // A number or a string has no members to walk: no set of open objects nor path of its own.
  return typeof value === "object" && value !== null ? write(value, [], new Set()) : write(value, NO_PATH, NO_OBJECTS);
}
// Never added to: write adds to them only for objects and arrays.
const NO_OBJECTS = new Set<object>();
const NO_PATH: Path = [];

/** The UTF-8 bytes of the canonical form: what gets hashed (RFC 8785 §3.2.4: UTF-8). */
export function canonicalJsonBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), "utf8");
}

// The path to the value being written, as names and indexes: spelled out only when a value is
// refused. (Building the text of every member's path cost the checkpoint job a third of its time.)
type Path = (string | number)[];

function pathText(path: Path): string {
  return `$${path.map((step) => (typeof step === "number" ? `[${step}]` : `.${step}`)).join("")}`;
}

function write(value: unknown, path: Path, open: Set<object>): string {
  switch (typeof value) {
    case "string":
      return serializeString(value, path);
    case "number":
      return serializeNumber(value, path);
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      throw new CanonicalJsonError("A BigInt has no JSON form (JCS numbers are IEEE-754 doubles, RFC 8785 §3.2.2.3); send it as a string", pathText(path));
    case "undefined":
      throw new CanonicalJsonError("undefined has no JSON form; omit the member or use null", pathText(path));
    case "function":
    case "symbol":
      throw new CanonicalJsonError(`A ${typeof value} has no JSON form`, pathText(path));
  }
  if (value === null) return "null";
  const object = value as object;
  if (open.has(object)) throw new CanonicalJsonError("A cyclic structure has no JSON form", pathText(path));
  open.add(object);
  let out: string;
  if (Array.isArray(object)) {
    // RFC 8785 §3.2.3: array order is data and is kept.
    // An index loop, not forEach: a hole in a sparse array must be refused (as undefined), not skipped.
    out = "[";
    for (let i = 0; i < object.length; i++) {
      path.push(i);
      out += (i > 0 ? "," : "") + write(object[i], path, open);
      path.pop();
    }
    out += "]";
  } else {
    const proto = Object.getPrototypeOf(object);
    if (proto !== Object.prototype && proto !== null) {
      // Dates, Buffers, Maps...: their JSON form is a choice the caller must make explicitly
      // (e.g. toISOString()), or the hash would depend on a library's toJSON.
      const kind = (object as { constructor?: { name?: string } }).constructor?.name ?? "object";
      throw new CanonicalJsonError(`A ${kind} is not plain JSON data; convert it first`, pathText(path));
    }
    // RFC 8785 §3.2.3: members sorted by the UTF-16 code units of their names. The default
    // Array.prototype.sort compares exactly that way (not by code point, not by locale).
    const keys = Object.keys(object).sort();
    out = "{";
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      path.push(key);
      out += `${i > 0 ? "," : ""}${serializeString(key, path)}:${write((object as Record<string, unknown>)[key], path, open)}`;
      path.pop();
    }
    out += "}";
  }
  open.delete(object);
  return out;
}

// RFC 8785 §3.2.2.3: numbers are written as ECMAScript's Number.prototype.toString writes them
// (shortest round-tripping digits, exponent from 1e21 and below 1e-6, -0 as 0). String(n) is
// that algorithm; only the values JSON cannot express are refused.
function serializeNumber(value: number, path: Path): string {
  if (!Number.isFinite(value)) {
    throw new CanonicalJsonError(`${value} has no JSON form (RFC 8785 §3.2.2.3)`, pathText(path));
  }
  return String(value);
}

// RFC 8785 §3.2.2.2 defines a string's form as ECMAScript's JSON.stringify writes it: '"' and '\\'
// escaped, \b \t \n \f \r by name, the other controls below U+0020 as lowercase \u00hh, every
// other character as is (UTF-8 in the output). RFC 8785 §3.1 requires I-JSON (RFC 7493 §2.1),
// which forbids unpaired surrogates: such a string has no UTF-8 encoding, so two implementations
// could not agree on its bytes (JSON.stringify would escape it). Noncharacters (U+FFFF...), which
// I-JSON also excludes, are kept: they have one UTF-8 form, and refusing them would leave a stored
// event that cannot be hashed at all.
function serializeString(value: string, path: Path): string {
  if (!value.isWellFormed()) {
    const at = [...value].find((character) => character.length === 1 && character.charCodeAt(0) >= 0xd800 && character.charCodeAt(0) <= 0xdfff) as string;
    const unit = at.charCodeAt(0).toString(16).toUpperCase();
    throw new CanonicalJsonError(`A lone surrogate (U+${unit}) is not valid I-JSON (RFC 8785 §3.1, RFC 7493 §2.1)`, pathText(path));
  }
  return JSON.stringify(value);
}
