// The typed change list of an audit event: what changed, from what, to what. Stored as JSON in
// AuditEvent.changes and validated here whenever it is read.
import { z } from "zod";

/** A reference to a user in a change (assignee, owner): the id and the name at the time. */
export const userRefSchema = z.object({ id: z.number().int().nullable(), name: z.string() });

/** Access per role or group, for permission changes: { "Developer": "Read", "Tester": "Write" }. */
export const accessMapSchema = z.record(z.string(), z.string());

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

/** Reads a stored change list; a malformed one reads as empty and is reported, never thrown at a page. */
export function parseChanges(value: unknown): { changes: FieldChange[]; invalid: boolean } {
  if (value === null || value === undefined) return { changes: [], invalid: false };
  const parsed = changeListSchema.safeParse(value);
  return parsed.success ? { changes: parsed.data, invalid: false } : { changes: [], invalid: true };
}
