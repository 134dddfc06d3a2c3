// What the diff view shows for an event's change list: each field's value before and after, ready
// to render. Long text is compared word by word (jsdiff's diffWords), lists item by item, access
// maps role by role. A create shows the initial values, a delete the last ones. Pure.
import { diffWords } from "diff";
import type { AuditEventType } from "@/lib/generated/prisma/enums";
import type { ChangeKind, ChangeValue, FieldChange } from "../events/changes";

export type DiffMode = "create" | "update" | "delete";

export type DisplayValue =
  | { type: "none" }
  | { type: "text"; text: string }
  | { type: "user"; id: number | null; name: string }
  | { type: "list"; items: string[] };

/** set: empty before; cleared: empty after; unchanged: recorded, but the same value */
export type FieldStatus = "changed" | "set" | "cleared" | "unchanged";

export type PartChange = "same" | "added" | "removed";

export interface WordPart {
  text: string;
  change: PartChange;
}

export interface ListItem {
  value: string;
  change: PartChange;
}

export interface AccessRow {
  /** the role, group or permission area */
  key: string;
  before: string | null;
  after: string | null;
  change: PartChange | "changed";
}

interface FieldDiffBase {
  field: string;
  kind: ChangeKind;
  status: FieldStatus;
  before: DisplayValue;
  after: DisplayValue;
}

export type FieldDiff =
  | (FieldDiffBase & { shape: "value" })
  /**
   * parts: the whole text once, each word run marked same, added or removed; beforeParts and
   * afterParts: each side alone with its own spacing (updates only; empty for creates and deletes)
   */
  | (FieldDiffBase & { shape: "words"; parts: WordPart[]; beforeParts: WordPart[]; afterParts: WordPart[] })
  | (FieldDiffBase & { shape: "list"; items: ListItem[] })
  | (FieldDiffBase & { shape: "access"; rows: AccessRow[] });

export interface ChangeDiff {
  mode: DiffMode;
  fields: FieldDiff[];
  /** users named by user values, whose current state (disabled?) the view looks up */
  userIds: number[];
}

export function diffModeOf(eventType: AuditEventType): DiffMode {
  if (eventType.endsWith("_CREATE")) return "create";
  if (eventType.endsWith("_DELETE")) return "delete";
  return "update";
}

type AccessMap = Record<string, string>;

function isAccessMap(value: ChangeValue): value is AccessMap {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !("name" in value && "id" in value);
}

/** A value as text for the view; empty strings, lists and maps read as "none". */
export function displayValue(value: ChangeValue): DisplayValue {
  if (value === null) return { type: "none" };
  if (typeof value === "string") return value.trim() === "" ? { type: "none" } : { type: "text", text: value };
  if (typeof value === "number") return { type: "text", text: String(value) };
  if (typeof value === "boolean") return { type: "text", text: value ? "Yes" : "No" };
  if (Array.isArray(value)) return value.length === 0 ? { type: "none" } : { type: "list", items: value };
  if (!isAccessMap(value)) return { type: "user", id: value.id, name: value.name };
  const entries = Object.entries(value);
  return entries.length === 0 ? { type: "none" } : { type: "text", text: entries.map(([key, level]) => `${key}: ${level}`).join(", ") };
}

function sameDisplay(a: DisplayValue, b: DisplayValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function statusOf(before: DisplayValue, after: DisplayValue): FieldStatus {
  if (sameDisplay(before, after)) return "unchanged";
  if (before.type === "none") return "set";
  if (after.type === "none") return "cleared";
  return "changed";
}

/** Word runs of the text before and after: removed runs, then added ones, where they differ. */
export function wordParts(before: string, after: string): WordPart[] {
  if (before === after) return before ? [{ text: before, change: "same" }] : [];
  return diffWords(before, after).map((part) => ({
    text: part.value,
    change: part.added ? "added" : part.removed ? "removed" : "same",
  }));
}

/**
 * One side of a word diff with the side's own spacing: diffWords ignores whitespace when it
 * compares and spreads it over the parts as best it can, so "seconds." may come back as
 * "seconds ." once the other side's words are left out. Each part's words are found again in
 * `text` and take their spacing from there; marked runs hold words only, the spaces around them
 * go to the unmarked text.
 */
export function sideParts(text: string, parts: WordPart[], side: "before" | "after"): WordPart[] {
  const other = side === "before" ? "added" : "removed";
  const own = parts.filter((part) => part.change !== other && part.text.trim() !== "");
  const result: WordPart[] = [];
  const addSpace = (space: string) => {
    const previous = result.at(-1);
    if (previous?.change === "same") previous.text += space;
    else if (space) result.push({ text: space, change: "same" });
  };
  const fallback = () => parts.filter((candidate) => candidate.change !== other);
  let position = 0;
  for (const part of own) {
    // Find the part's words one by one: the spacing between them may differ between the sides.
    let start = -1;
    let cursor = position;
    for (const word of part.text.trim().split(/\s+/)) {
      const found = text.indexOf(word, cursor);
      if (found < 0 || text.slice(cursor, found).trim() !== "") return fallback();
      if (start < 0) start = found;
      cursor = found + word.length;
    }
    const space = text.slice(position, start);
    const words = text.slice(start, cursor);
    const previous = result.at(-1);
    if (part.change !== "same") {
      addSpace(space);
      result.push({ text: words, change: part.change });
    } else if (previous?.change === "same") previous.text += space + words;
    else result.push({ text: space + words, change: "same" });
    position = cursor;
  }
  addSpace(text.slice(position));
  return result;
}

function listItems(before: string[], after: string[]): ListItem[] {
  const kept = new Set(after);
  const had = new Set(before);
  return [
    ...before.map((value): ListItem => ({ value, change: kept.has(value) ? "same" : "removed" })),
    ...after.filter((value) => !had.has(value)).map((value): ListItem => ({ value, change: "added" })),
  ];
}

function accessRows(before: AccessMap | null, after: AccessMap | null): AccessRow[] {
  // By name: JSON objects stored as jsonb do not keep their keys' order.
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort((a, b) => a.localeCompare(b, "en"));
  return keys.map((key) => {
    const old = before?.[key] ?? null;
    const next = after?.[key] ?? null;
    let change: AccessRow["change"] = "same";
    if (old === null && next !== null) change = "added";
    else if (old !== null && next === null) change = "removed";
    else if (old !== next) change = "changed";
    return { key, before: old, after: next, change };
  });
}

export const asText = (value: ChangeValue): string => (typeof value === "string" ? value : value === null ? "" : String(value));
const asList = (value: ChangeValue): string[] => (Array.isArray(value) ? value : []);
const asAccess = (value: ChangeValue): AccessMap | null => (isAccessMap(value) ? value : null);

const textual = (value: ChangeValue) => value === null || typeof value === "string";

/** A long text whose values are both text (or empty): compared word by word. */
export function isLongTextChange(change: FieldChange): boolean {
  return change.kind === "longtext" && textual(change.old) && textual(change.new);
}

export function fieldDiff(change: FieldChange, mode: DiffMode): FieldDiff {
  const base = { field: change.field, kind: change.kind, before: displayValue(change.old), after: displayValue(change.new) };
  const status = statusOf(base.before, base.after);
  if (isLongTextChange(change)) {
    const [before, after] = [asText(change.old), asText(change.new)];
    const parts = mode === "update" ? wordParts(before, after) : [];
    const sides =
      mode === "update"
        ? { beforeParts: sideParts(before, parts, "before"), afterParts: sideParts(after, parts, "after") }
        : { beforeParts: [], afterParts: [] };
    return { ...base, status, shape: "words", parts, ...sides };
  }
  if (change.kind === "list" && base.before.type !== "text" && base.after.type !== "text") {
    return { ...base, status, shape: "list", items: listItems(asList(change.old), asList(change.new)) };
  }
  if (change.kind === "access" && (change.old === null || isAccessMap(change.old)) && (change.new === null || isAccessMap(change.new))) {
    return { ...base, status, shape: "access", rows: accessRows(asAccess(change.old), asAccess(change.new)) };
  }
  return { ...base, status, shape: "value" };
}

export function buildChangeDiff(changes: FieldChange[], mode: DiffMode): ChangeDiff {
  const fields = changes.map((change) => fieldDiff(change, mode));
  const userIds = fields.flatMap((field) => [field.before, field.after].flatMap((value) => (value.type === "user" && value.id !== null ? [value.id] : [])));
  return { mode, fields, userIds: [...new Set(userIds)] };
}
