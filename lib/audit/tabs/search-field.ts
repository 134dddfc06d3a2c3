// A search tab's id filter (Users, Target Users, Projects, Trackers) as one object: its label, its
// zod schema, how the URL spells it, the AuditEvent column it filters, how it reads in a file's
// filter summary and name, and which options the form and the summary look its ids up in. A tab
// lists its fields (tabs/<tab>/<tab>-tab.ts); the URL reader, the form, the query, the exports and
// the API go through the list. Pure: safe to import from client components.
import { z } from "zod";
import type { AuditWhere } from "../search/filter-query";

/** The largest id a column holds (PostgreSQL integer). */
export const MAX_ID = 2_147_483_647;
export const MAX_SELECTED_IDS = 100;

/** Which options an id field's ids name: the form's pickers and the summaries look them up there. */
export type OptionKind = "users" | "projects" | "trackers";

type IdColumn = "actorId" | "targetUserId" | "projectId" | "trackerId";

export interface IdsField<Key extends string = string> {
  key: Key;
  /** "Target Users": next to the field, in messages and in file summaries */
  label: string;
  options: OptionKind;
  /** the chosen ids: positive, at most MAX_SELECTED_IDS */
  schema: z.ZodArray<z.ZodNumber>;
  /** its condition on AuditEvent; undefined (none) when nothing is chosen */
  where(ids: readonly number[]): AuditWhere;
  /** "2-users": its part of an export's file name, or null when nothing is chosen */
  slug(ids: readonly number[]): string | null;
  /** a token of the URL that is no id, in words */
  badToken(token: string): string;
}

interface IdsFieldSpec<Key extends string> {
  key: Key;
  label: string;
  options: OptionKind;
  column: IdColumn;
  /** what one chosen id is, for messages and file names: "user", "target" */
  noun: string;
  plural: string;
}

function idsField<Key extends string>(spec: IdsFieldSpec<Key>): IdsField<Key> {
  return {
    key: spec.key,
    label: spec.label,
    options: spec.options,
    schema: z.array(z.number().int().positive().max(MAX_ID)).max(MAX_SELECTED_IDS, `choose at most ${MAX_SELECTED_IDS} ${spec.plural}`),
    where: (ids) => (ids.length > 0 ? { [spec.column]: { in: [...new Set(ids)] } } : {}),
    slug: (ids) => (ids.length > 0 ? `${ids.length}-${spec.noun}${ids.length === 1 ? "" : "s"}` : null),
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
