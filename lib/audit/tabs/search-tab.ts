// A search tab, declared once (tabs/<tab>/<tab>-tab.ts): what it shows, its list fields, its event
// types and sorts. Everything that reads a search is derived here from the declaration: the zod
// schemas (form, page, export, API), the defaults, the URL reader and writers, the `where` and
// `orderBy`, and what an export records of the filters. Pure: safe to import from client components.
import { z } from "zod";
import type { AuditCategory, AuditEventType } from "@/lib/generated/prisma/enums";
import { eventTypesOf } from "../events/event-types";
import { DEFAULT_PRESET, type DatePreset } from "../search/date-range";
import { scopeWhere, type AuditOrderBy, type AuditWhere, type SortOrder } from "../search/filter-query";
import {
  checkCursor,
  checkDateRange,
  dateRangeShape,
  LIST_FIELD_LABELS,
  listShape,
  sortValues,
  splitSort,
  type DateRangeValues,
  type SortValue,
} from "../search/filter-schema";
import { DEFAULT_PAGE_SIZE, type PageSize } from "../search/list-result";
import type { FieldValue, SearchField } from "./search-field";

/** The filter values of a tab: one list per field (ids, or source names), the event types and the date range. */
export type TabFilters<Fields extends readonly SearchField[] = readonly SearchField[]> = FieldValues<Fields> & {
  types: AuditEventType[];
} & DateRangeValues;

/** One list per field of a tab; for any tab (its keys not known here), none that can be named. */
type FieldValues<Fields extends readonly SearchField[]> = string extends Fields[number]["key"]
  ? Record<never, never>
  : { [Field in Fields[number] as Field["key"]]: FieldValue<Field>[] };

/** A whole search: the filters, the page and its size, the sort, and a keyset position beside the page. */
export type TabSearch<Fields extends readonly SearchField[] = readonly SearchField[], Sort extends string = string> = TabFilters<Fields> & {
  page: number;
  size: PageSize;
  sort: SortValue<Sort>;
  after?: string | null;
  before?: string | null;
};

/** What a tab says in its page: the table's name, its form, its loading and empty states. */
export interface TabTexts {
  /** "Login events": the table's accessible name, and the list as an export names it */
  table: string;
  /** "Filter login events" */
  form: string;
  /** "Loading login events" */
  loading: string;
  empty: { title: string; description: string };
}

export interface SearchTabSpec<Id extends string, Fields extends readonly SearchField[], Sort extends string> {
  id: Id;
  /** "Logins": the tab, the PDF title and the sheet name */
  title: string;
  texts: TabTexts;
  categories: readonly AuditCategory[];
  /** the list fields before Event Types and the range, in the form's order */
  fields: Fields;
  /** "Login range" */
  rangeLabel: string;
  /** how each sortable column orders; createdAt (newest first) is the default */
  sorts: Record<Sort | "createdAt", SortOrder>;
  /** rows carry a summary of their changes (the Permissions tab's Message column) */
  rowSummaries?: boolean;
  /** the range before the admin picks one; Last 30 Days unless said */
  defaultRange?: DatePreset;
  /** where the list lives: "/audit/<id>" unless said */
  path?: string;
}

export interface SearchTab<Id extends string = string, Fields extends readonly SearchField[] = readonly SearchField[], Sort extends string = string> {
  id: Id;
  title: string;
  /** "/audit/logins" */
  path: string;
  texts: TabTexts;
  categories: readonly AuditCategory[];
  fields: Fields;
  /** the event types the tab lists, in the reference's order */
  eventTypes: readonly AuditEventType[];
  sorts: readonly SortValue<Sort | "createdAt">[];
  defaultSort: SortValue<Sort | "createdAt">;
  /** the labels of every field, paging and sort included: next to the fields, in messages and summaries */
  labels: Record<string, string>;
  /** what the filter form edits */
  filtersSchema: z.ZodType<TabFilters<Fields>>;
  /** a whole search */
  searchSchema: z.ZodType<TabSearch<Fields, Sort | "createdAt">>;
  defaultFilters: TabFilters<Fields>;
  defaultSearch: TabSearch<Fields, Sort | "createdAt">;
  rowSummaries: boolean;
  where(filters: TabFilters<Fields>, timeZone: string, now: Date): AuditWhere;
  orderBy(sort: string): AuditOrderBy[];
  /** The filters as an Audit Export event records them: every field, the types, the range and the sort. */
  chosenFilters(search: TabSearch<Fields, Sort | "createdAt">): Record<string, unknown>;
}

/** Any tab, as code that works for every tab takes it. */
export type AnySearchTab = SearchTab<string, readonly SearchField[], string>;

export function defineSearchTab<Id extends string, const Fields extends readonly SearchField[], Sort extends string>(
  spec: SearchTabSpec<Id, Fields, Sort>,
): SearchTab<Id, Fields, Sort> {
  type Filters = TabFilters<Fields>;
  type Search = TabSearch<Fields, Sort | "createdAt">;
  const eventTypes = eventTypesOf(...spec.categories);
  const sortFields = Object.keys(spec.sorts) as (Sort | "createdAt")[];
  const sorts = sortValues(sortFields);
  const defaultSort = "createdAt.desc" as SortValue<Sort | "createdAt">;
  const shape = {
    ...Object.fromEntries(spec.fields.map((field) => [field.key, field.schema])),
    types: z.array(z.enum(eventTypes as [AuditEventType, ...AuditEventType[]])),
    ...dateRangeShape,
  };
  const dateRange = (value: unknown, context: z.RefinementCtx) => checkDateRange(value as DateRangeValues, context);
  const filtersSchema = z.object(shape).superRefine(dateRange) as unknown as z.ZodType<Filters>;
  const searchSchema = z
    .object({ ...shape, ...listShape(sorts) })
    .superRefine(dateRange)
    .superRefine((value, context) => checkCursor(value, context)) as unknown as z.ZodType<Search>;
  const defaultFilters = {
    ...Object.fromEntries(spec.fields.map((field) => [field.key, []])),
    types: [],
    range: spec.defaultRange ?? DEFAULT_PRESET,
    from: null,
    to: null,
  } as unknown as Filters;
  const fieldKeys = spec.fields.map((field) => field.key);
  return {
    id: spec.id,
    title: spec.title,
    path: spec.path ?? `/audit/${spec.id}`,
    texts: spec.texts,
    categories: spec.categories,
    fields: spec.fields,
    eventTypes,
    sorts,
    defaultSort,
    labels: { ...Object.fromEntries(spec.fields.map((field) => [field.key, field.label])), types: "Event Types", range: spec.rangeLabel, ...LIST_FIELD_LABELS },
    filtersSchema,
    searchSchema,
    defaultFilters,
    defaultSearch: { ...defaultFilters, page: 1, size: DEFAULT_PAGE_SIZE, sort: defaultSort } as unknown as Search,
    rowSummaries: spec.rowSummaries ?? false,
    where(filters, timeZone, now) {
      const lists = filters as unknown as Record<string, never[]>;
      const parts = spec.fields.map((field) => field.where(lists[field.key] ?? []));
      return Object.assign(scopeWhere(filters, { categories: spec.categories, eventTypes }, timeZone, now), ...parts);
    },
    orderBy(sort) {
      const { field, direction } = splitSort(sort as SortValue<string>);
      const order = spec.sorts[field as Sort | "createdAt"] ?? spec.sorts.createdAt;
      return order(direction);
    },
    chosenFilters(search) {
      const values = search as unknown as Record<string, unknown>;
      return Object.fromEntries([...fieldKeys, "types", "range", "from", "to", "sort"].map((key) => [key, values[key] ?? null]));
    },
  };
}
