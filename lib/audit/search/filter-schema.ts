// The zod pieces every audit search is built from (date range, paging, sort), and the one way a
// validation failure becomes a message that names the field. Each tab's schema is composed from
// these and its fields (tabs/search-tab.ts); form, server action, page, export and API all use it.
// Pure: safe to import from client components.
import { z } from "zod";
import { InputError } from "@/lib/api/input-error";
import { DATE_PRESETS, parseDay, rangeError } from "./date-range";
import { decodeCursor, LAST_PAGE, PAGE_SIZES } from "./list-result";

export const CUSTOM_RANGE = "custom";
export const RANGE_CHOICES = [...DATE_PRESETS, CUSTOM_RANGE] as const;
export type RangeChoice = (typeof RANGE_CHOICES)[number];

/** Beyond this, offset paging stops being useful: the API's cursor serves deeper reads. */
export const MAX_PAGE = 100_000;

export type SortDirection = "asc" | "desc";
export type SortValue<Field extends string> = `${Field}.${SortDirection}`;

/** ["createdAt.asc", "createdAt.desc", "user.asc", ...] for the sortable fields of a tab. */
export function sortValues<Field extends string>(fields: readonly Field[]): SortValue<Field>[] {
  return fields.flatMap((field) => [`${field}.asc`, `${field}.desc`] as SortValue<Field>[]);
}

export function splitSort<Field extends string>(sort: SortValue<Field>): { field: Field; direction: SortDirection } {
  const dot = sort.lastIndexOf(".");
  return { field: sort.slice(0, dot) as Field, direction: sort.slice(dot + 1) as SortDirection };
}

const day = z.string().refine((text) => parseDay(text) !== null, "must be a date (YYYY-MM-DD)");

/** A preset, or "custom" with the first and last day (inclusive). */
export const dateRangeShape = {
  range: z.enum(RANGE_CHOICES),
  from: day.nullable(),
  to: day.nullable(),
};

export interface DateRangeValues {
  range: RangeChoice;
  from: string | null;
  to: string | null;
}

/** The one-year rule and a complete custom range; the issue sits on `range`, next to the field. */
export function checkDateRange(value: DateRangeValues, ctx: z.RefinementCtx): void {
  if (value.range !== CUSTOM_RANGE) return;
  if (!value.from || !value.to) {
    ctx.addIssue({ code: "custom", path: ["range"], message: "choose the first and the last day" });
    return;
  }
  const error = rangeError(value.from, value.to);
  if (error) ctx.addIssue({ code: "custom", path: ["range"], message: error });
}

const CURSOR_MESSAGE = "must be a position the pager wrote (a time and an event id)";
const cursor = z.string().refine((text) => decodeCursor(text) !== null, CURSOR_MESSAGE);

/**
 * Paging and sort. In a list by time, `after` (the next page) and `before` (the previous one, or
 * "end" for the last page) hold the position ("createdAtISO,id") of a row beside the page: keyset
 * paging, as cheap deep in the list as on page 1; `page` then only numbers the page.
 */
export function listShape<Sort extends string>(sorts: readonly Sort[]) {
  return {
    page: z.number().int().min(1).max(MAX_PAGE),
    size: z.literal(PAGE_SIZES),
    sort: z.enum(sorts as readonly [Sort, ...Sort[]]),
    after: cursor.nullish(),
    before: z
      .string()
      .refine((text) => text === LAST_PAGE || decodeCursor(text) !== null, `${CURSOR_MESSAGE}, or "${LAST_PAGE}"`)
      .nullish(),
  };
}

/** A position continues lists by time only, and one way at a time. */
export function checkCursor(value: { sort: string; after?: string | null; before?: string | null }, ctx: z.RefinementCtx): void {
  for (const key of ["after", "before"] as const) {
    if (value[key] && !value.sort.startsWith("createdAt.")) ctx.addIssue({ code: "custom", path: [key], message: "works only with a sort by time" });
  }
  if (value.after && value.before) ctx.addIssue({ code: "custom", path: ["before"], message: "give after or before, not both" });
}

export const LIST_FIELD_LABELS = { page: "Page", size: "Rows per page", sort: "Sort", after: "After", before: "Before" } as const;

export type FieldLabels = Record<string, string>;

/** Refused search filters: input refused like any other (a 400 naming the field), with every field in error for the pages. */
export class FilterValidationError extends InputError {
  constructor(
    /** the field in error ("range", "users", ...) */
    field: string,
    message: string,
    /** every field in error, message without the label */
    readonly fieldErrors: Record<string, string> = { [field]: message },
  ) {
    super(field, message);
    this.name = "FilterValidationError";
  }
}

/** The top-level field an issue belongs to; `from`/`to` belong to the range field. */
function issueField(issue: z.core.$ZodIssue): string {
  const first = String(issue.path[0] ?? "input");
  return first === "from" || first === "to" ? "range" : first;
}

/** First message per field, without the label: { range: "may not exceed one year" }. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issueField(issue);
    errors[field] ??= issue.message;
  }
  return errors;
}

/** A search read from a URL, checked: the valid search, or null and the refusals by field. */
export function checkSearch<Schema extends z.ZodType>(schema: Schema, search: unknown): { valid: z.output<Schema> | null; errors: Record<string, string> } {
  const parsed = schema.safeParse(search);
  return parsed.success ? { valid: parsed.data, errors: {} } : { valid: null, errors: fieldErrors(parsed.error) };
}

/** "Login range: may not exceed one year · Users: ..." */
export function describeErrors(errors: Record<string, string>, labels: FieldLabels): string {
  return Object.entries(errors)
    .map(([field, message]) => labelledMessage(field, message, labels))
    .join(" · ");
}

/** "Login range: may not exceed one year" */
function labelledMessage(field: string, message: string, labels: FieldLabels): string {
  return `${labels[field] ?? field}: ${message}`;
}

/** The refusal of `errors` (by field, without labels): a FilterValidationError naming the first field. */
export function filterValidationError(errors: Record<string, string>, labels: FieldLabels): FilterValidationError {
  const [field, message] = Object.entries(errors)[0] ?? ["input", "is not valid"];
  return new FilterValidationError(field, labelledMessage(field, message, labels), errors);
}

/** Validates `input` with `schema`, or throws FilterValidationError naming the first bad field. */
export function parseFilters<Schema extends z.ZodType>(schema: Schema, input: unknown, labels: FieldLabels): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw filterValidationError(fieldErrors(parsed.error), labels);
}
