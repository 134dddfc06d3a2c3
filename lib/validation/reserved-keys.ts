// Keys that name an object's prototype machinery are never data. JSON.parse keeps `"__proto__"` as
// an own key, but zod's records and objects (and any plain copy) assign it, which sets the
// prototype or does nothing: `{ "__proto__": false }` would pass as `{}`, the value silently lost.
// So inputs are searched for them first and refused by name.
import { z } from "zod";

export const RESERVED_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

const RESERVED_MESSAGE = "is a reserved name, not a field";

/** Where the first reserved key sits in `value` (searched to `maxDepth` levels), or null. */
export function reservedKeyPath(value: unknown, maxDepth = 64): (string | number)[] | null {
  if (maxDepth < 0 || typeof value !== "object" || value === null) return null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = reservedKeyPath(value[index], maxDepth - 1);
      if (found) return [index, ...found];
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (RESERVED_KEYS.has(key)) return [key];
    const found = reservedKeyPath((value as Record<string, unknown>)[key], maxDepth - 1);
    if (found) return [key, ...found];
  }
  return null;
}

/**
 * `schema` refusing a reserved key anywhere in its input, naming where:
 * `changes[0].old.__proto__: is a reserved name, not a field`. The raw input is searched first.
 */
export function withoutReservedKeys<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess<z.input<Schema>, Schema, z.input<Schema>>((input, ctx) => {
    const path = reservedKeyPath(input);
    if (path) ctx.addIssue({ code: "custom", path, message: RESERVED_MESSAGE, input });
    return input;
  }, schema);
}
