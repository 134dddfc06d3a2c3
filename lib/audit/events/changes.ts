// The typed change list of an audit event: what changed, from what, to what. Stored as JSON in
// AuditEvent.changes and validated here whenever it is read.
import { z } from "zod";
import { RESERVED_KEYS, withoutReservedKeys } from "@/lib/validation/reserved-keys";

/** A reference to a user in a change (assignee, owner): the id and the name at the time. */
export const userRefSchema = z.object({ id: z.number().int().nullable(), name: z.string() });

/** Access per role or group, for permission changes: { "Developer": "Read", "Tester": "Write" }. */
export const accessMapSchema = withoutReservedKeys(z.record(z.string(), z.string()));

const changeValueSchema = z.union([z.null(), z.string(), z.number(), z.boolean(), z.array(z.string()), userRefSchema, accessMapSchema]);

export const CHANGE_KINDS = ["text", "longtext", "number", "date", "enum", "user", "list", "access", "boolean"] as const;

export const fieldChangeSchema = z.object({
  field: z.string().min(1),
  /** how the values read and diff: longtext gets word-level highlighting, access a role × access grid */
  kind: z.enum(CHANGE_KINDS).default("text"),
  old: changeValueSchema.default(null),
  new: changeValueSchema.default(null),
});

export const changeListSchema = z.array(fieldChangeSchema);

export type UserRef = z.infer<typeof userRefSchema>;
export type ChangeValue = z.infer<typeof changeValueSchema>;
export type FieldChange = z.infer<typeof fieldChangeSchema>;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

const KINDS = new Set<string>(CHANGE_KINDS);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A change value as changeValueSchema reads it, or undefined where it would not (or may not) read it so. */
function plainChangeValue(value: unknown): ChangeValue | undefined {
  if (value === undefined || value === null) return null;
  const type = typeof value;
  if (type === "string" || type === "boolean" || (type === "number" && Number.isFinite(value))) return value as ChangeValue;
  if (Array.isArray(value)) return value.every((item) => typeof item === "string") ? [...value] : undefined;
  if (!isRecord(value)) return undefined;
  for (const key in value) if (RESERVED_KEYS.has(key)) return undefined;
  const { id, name } = value;
  if ("id" in value && typeof name === "string" && (id === null || Number.isSafeInteger(id))) return { id: id as number | null, name };
  const access: Record<string, string> = {};
  for (const key in value) {
    const entry = value[key];
    if (typeof entry !== "string") return undefined;
    access[key] = entry;
  }
  return access;
}

/**
 * changeListSchema's reading of a list whose every part is plainly valid, without zod's cost (about
 * 2.6 µs a list of three, a second and a half for a million-event export); undefined for anything
 * else, which zod then reads. A property test holds the two to the same answers.
 */
export function plainChangeList(value: unknown): FieldChange[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const changes = new Array<FieldChange>(value.length);
  for (let index = 0; index < value.length; index += 1) {
    const item: unknown = value[index];
    if (!isRecord(item)) return undefined;
    for (const key in item) if (RESERVED_KEYS.has(key)) return undefined;
    const { field, kind } = item;
    if (typeof field !== "string" || field.length === 0) return undefined;
    if (kind !== undefined && (typeof kind !== "string" || !KINDS.has(kind))) return undefined;
    const old = plainChangeValue(item.old);
    const next = plainChangeValue(item.new);
    if (old === undefined || next === undefined) return undefined;
    changes[index] = { field, kind: (kind ?? "text") as ChangeKind, old, new: next };
  }
  return changes;
}

/** Reads a stored change list; a malformed one reads as empty and is reported, never thrown at a page. */
export function parseChanges(value: unknown): { changes: FieldChange[]; invalid: boolean } {
  if (value === null || value === undefined) return { changes: [], invalid: false };
  const plain = plainChangeList(value);
  if (plain) return { changes: plain, invalid: false };
  const parsed = changeListSchema.safeParse(value);
  return parsed.success ? { changes: parsed.data, invalid: false } : { changes: [], invalid: true };
}
