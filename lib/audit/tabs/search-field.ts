// A search tab's list filters as objects: the id fields (Users, Target Users, Projects, Trackers)
// and the Sources field (names of sending systems). Each holds its label, its zod schema, how the
// URL spells one value, the AuditEvent column it filters and its condition there, how it reads in
// a file's name, and which options the form and the summary look its values up in. A tab lists its
// fields (tabs/<tab>/<tab>-tab.ts); the URL reader and writer, the form, the query, the exports and
// the API go through the list. Pure: safe to import from client components.
import { z } from "zod";
import { CONSOLE_SOURCE, SOURCE_NAME_PATTERN } from "../events/sources";
import type { AuditWhere } from "../search/filter-query";

/** The largest id a column holds (PostgreSQL integer). */
export const MAX_ID = 2_147_483_647;
export const MAX_SELECTED_IDS = 100;

/** Which options a field's values name: the form's pickers and the summaries look them up there. */
export type OptionKind = "users" | "projects" | "trackers" | "sources";

type FieldColumn = "actorId" | "targetUserId" | "projectId" | "trackerId" | "source";

interface FieldBase<Key extends string, Value extends number | string> {
  key: Key;
  /** "Target Users": next to the field, in messages and in file summaries */
  label: string;
  options: OptionKind;
  /** the AuditEvent column it filters */
  column: FieldColumn;
  /** the chosen values: at most MAX_SELECTED_IDS */
  schema: z.ZodType<Value[]>;
  /** its condition on AuditEvent; none when nothing is chosen */
  where(values: readonly Value[]): AuditWhere;
  /** "2-users": its part of an export's file name, or null when nothing is chosen */
  slug(values: readonly Value[]): string | null;
  /** one value as the URL spells it, or null when the token is none */
  parseToken(token: string): Value | null;
  /** a token of the URL that is no value, in words */
  badToken(token: string): string;
}

/** A list of ids of users, projects or trackers. */
export interface IdsField<Key extends string = string> extends FieldBase<Key, number> {
  kind: "ids";
  options: Exclude<OptionKind, "sources">;
}

/** A list of sources: sending systems' names, and CONSOLE_SOURCE for the console's own events (source null). */
export interface SourcesField<Key extends string = string> extends FieldBase<Key, string> {
  kind: "sources";
  options: "sources";
}

export type SearchField = IdsField | SourcesField;

/** What a field's list holds: ids, or source names. */
export type FieldValue<Field extends SearchField> = Field extends { kind: "sources" } ? string : number;

/** A whole number from 1 to `max` written in decimal digits, or null. */
export function parseWholeNumber(text: string, max: number): number | null {
  if (!/^\d{1,10}$/.test(text)) return null;
  const value = Number(text);
  return value >= 1 && value <= max ? value : null;
}

const tooMany = (plural: string) => `choose at most ${MAX_SELECTED_IDS} ${plural}`;

interface IdsFieldSpec<Key extends string> {
  key: Key;
  label: string;
  options: IdsField["options"];
  column: Exclude<FieldColumn, "source">;
  /** what one chosen id is, for messages and file names: "user", "target" */
  noun: string;
  plural: string;
}

function idsField<Key extends string>(spec: IdsFieldSpec<Key>): IdsField<Key> {
  return {
    kind: "ids",
    key: spec.key,
    label: spec.label,
    options: spec.options,
    column: spec.column,
    schema: z.array(z.number().int().positive().max(MAX_ID)).max(MAX_SELECTED_IDS, tooMany(spec.plural)),
    where: (ids) => (ids.length > 0 ? { [spec.column]: { in: [...new Set(ids)] } } : {}),
    slug: (ids) => (ids.length > 0 ? `${ids.length}-${spec.noun}${ids.length === 1 ? "" : "s"}` : null),
    parseToken: (token) => parseWholeNumber(token, MAX_ID),
    badToken: (token) => `"${token}" is not a ${spec.noun} id (a whole number from 1 to ${MAX_ID})`,
  };
}

/** Who did it: the event's actor. */
export const usersField = idsField({ key: "users", label: "Users", options: "users", column: "actorId", noun: "user", plural: "users" });

/** Whom it was done to: the user a permission event is about. */
export const targetUsersField = idsField({
  key: "targetUsers",
  label: "Target Users",
  options: "users",
  column: "targetUserId",
  noun: "target",
  plural: "target users",
});

/**
 * Projects and trackers. Both conditions hold together: a tracker outside the chosen projects
 * matches nothing, which is why the form narrows Trackers to the chosen projects (events/place-options.ts).
 */
export const projectsField = idsField({ key: "projects", label: "Projects", options: "projects", column: "projectId", noun: "project", plural: "projects" });

export const trackersField = idsField({ key: "trackers", label: "Trackers", options: "trackers", column: "trackerId", noun: "tracker", plural: "trackers" });

/** A value the Sources filter takes: "console", or a name a source could have (known or not: an unknown one finds nothing). */
export function isSourceFilterValue(value: string): boolean {
  return value === CONSOLE_SOURCE || SOURCE_NAME_PATTERN.test(value);
}

function badSource(value: string): string {
  return `"${value}" is not a source: use "${CONSOLE_SOURCE}" for the Audit Console's own events, or a sending system's name (lower-case letters, digits, dots, dashes or underscores)`;
}

/**
 * Which system the event came from. Several sources select any of them; "console" selects the
 * console's own events, whose source is null. Both conditions use the (source, createdAt, id) index.
 */
export const sourcesField: SourcesField<"sources"> = {
  kind: "sources",
  key: "sources",
  label: "Sources",
  options: "sources",
  column: "source",
  schema: z.array(z.string().refine(isSourceFilterValue, { error: (issue) => badSource(String(issue.input)) })).max(MAX_SELECTED_IDS, tooMany("sources")),
  where(names) {
    const chosen = [...new Set(names)];
    const named = chosen.filter((name) => name !== CONSOLE_SOURCE);
    if (chosen.length === 0) return {};
    if (named.length === chosen.length) return { source: { in: named } };
    // The only OR a tab's where holds at its top (search-tab.ts merges the fields' conditions).
    return named.length === 0 ? { source: null } : { OR: [{ source: null }, { source: { in: named } }] };
  },
  // Dots and underscores would be dropped from a file name or read as its separators.
  slug: (names) => (names.length === 1 ? `source-${names[0].replace(/[._]/g, "-")}` : names.length > 1 ? `${names.length}-sources` : null),
  parseToken: (token) => (isSourceFilterValue(token) ? token : null),
  badToken: badSource,
};
