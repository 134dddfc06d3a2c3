// A change in one line per field, for timelines and the Permissions tab's Message: values in
// short, long texts as word counts, access as the roles and groups that changed. Pure.
import {
  asText,
  fieldDiff,
  isLongTextChange,
  wordParts,
  type DisplayValue,
  type DiffMode,
  type FieldDiff,
  type PartChange,
  type WordPart,
} from "./change-diff";
import type { FieldChange } from "../events/changes";
import { wordChangeCounts } from "./word-counts";

/** One line of a compact account of a change, for timelines: "Status: New → In Progress". */
export interface ChangeSummaryLine {
  field: string;
  text: string;
}

const SHORT = 60;

function shortValue(value: DisplayValue): string {
  let text = "None";
  if (value.type === "text") text = value.text.replace(/\s+/g, " ");
  else if (value.type === "user") text = value.name;
  else if (value.type === "list") text = value.items.join(", ");
  return text.length > SHORT ? `${text.slice(0, SHORT - 1)}…` : text;
}

function countWords(parts: WordPart[], change: PartChange): number {
  return parts.filter((part) => part.change === change).reduce((sum, part) => sum + part.text.trim().split(/\s+/).filter(Boolean).length, 0);
}

function countsText({ removed, added }: { removed: number; added: number }): string {
  return `${removed} ${removed === 1 ? "word" : "words"} removed, ${added} added`;
}

const partCounts = (parts: WordPart[]) => ({ removed: countWords(parts, "removed"), added: countWords(parts, "added") });

/** How many words a long text change removed and added: "1 word removed, 3 added". */
export function wordCountText(parts: WordPart[]): string {
  return countsText(partCounts(parts));
}

/** The same text from the two texts alone; from jsdiff's parts only for texts far apart. */
function longTextCountText(before: string, after: string): string {
  return countsText(wordChangeCounts(before, after) ?? partCounts(wordParts(before, after)));
}

function summaryText(field: FieldDiff, mode: DiffMode): string {
  if (field.shape === "access") {
    if (mode !== "update") return `${mode === "create" ? "set" : "removed"} for ${field.rows.length} roles and groups`;
    const changed = field.rows.filter((row) => row.change !== "same");
    const shown = changed.slice(0, 3).map((row) => `${row.key}: ${row.before ?? "None"} → ${row.after ?? "None"}`);
    return changed.length > 3 ? `${shown.join("; ")}; +${changed.length - 3} more` : shown.join("; ");
  }
  if (mode === "create") return shortValue(field.after);
  if (mode === "delete") return shortValue(field.before);
  if (field.shape === "list") {
    const marks = field.items.filter((item) => item.change !== "same").map((item) => `${item.change === "added" ? "+" : "−"}${item.value}`);
    return marks.length > 0 ? marks.join(", ") : "unchanged";
  }
  return `${shortValue(field.before)} → ${shortValue(field.after)}`;
}

/**
 * A line per changed field: values in short, long texts as word counts, access as changed roles.
 * An update's long texts are counted without building the diff view's word parts (word-counts.ts):
 * summaries are made for every row of an export and a page, the parts only for the one event shown.
 */
export function summarizeChanges(changes: FieldChange[], mode: DiffMode): ChangeSummaryLine[] {
  return changes.map((change) => ({
    field: change.field,
    text:
      mode === "update" && isLongTextChange(change) ? longTextCountText(asText(change.old), asText(change.new)) : summaryText(fieldDiff(change, mode), mode),
  }));
}
