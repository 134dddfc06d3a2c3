"use server";
// The server actions behind the Users, Projects and Trackers pickers: the options matching what the
// admin types. Public POST endpoints, declared through guardedAction.
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guarded-action";
import { projectsField } from "../tabs/search-field";
import { placeQuerySchema, searchProjectOptions, searchTrackerOptions } from "./place-lookup";
import { searchUserOptions, userQuerySchema } from "./user-lookup";

export const findUserOptions = guardedAction({ role: "reader", action: "Searching users", input: userQuerySchema }, (query) => searchUserOptions(query));

export const findProjectOptions = guardedAction({ role: "reader", action: "Searching projects", input: placeQuerySchema }, (query) =>
  searchProjectOptions(query),
);

export const findTrackerOptions = guardedAction(
  { role: "reader", action: "Searching trackers", input: z.object({ query: placeQuerySchema, projects: projectsField.schema }) },
  ({ query, projects }) => searchTrackerOptions(query, projects),
);
