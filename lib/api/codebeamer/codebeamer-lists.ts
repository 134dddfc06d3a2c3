// The Codebeamer v3 audit API's three lists (reference 001), each over one of the console's tabs:
// the tab it reads through (fields, event types, one-year rule, query), the body's fields that
// stand for the tab's list fields (as Codebeamer names them), the key its records come under, and
// how a row reads as one record. A tab's field without a Codebeamer name (Sources) is not offered.
// Pure.
import { z } from "zod";
import { COUNT_CAP } from "@/lib/audit/search/list-result";
import type { AnySearchTab } from "@/lib/audit/tabs/search-tab";
import { getSearchTab, type SearchTabId } from "@/lib/audit/tabs/search-tabs";
import { artifactItem, artifactItemSchema, type ItemInput, loginItem, loginItemSchema, permissionItem, permissionItemSchema } from "./codebeamer-items";

/** How the body names a tab's list field, and what its values are: usernames, or the sender's ids of a directory table. */
export const LIST_PARAMS = {
  users: { param: "userNames", names: "users" },
  targetUsers: { param: "targetUserNames", names: "users" },
  projects: { param: "projectIds", names: "projects" },
  trackers: { param: "trackerIds", names: "trackers" },
} as const;

type FieldKey = keyof typeof LIST_PARAMS;
export type ListParam = (typeof LIST_PARAMS)[FieldKey]["param"];

export interface CodebeamerList {
  /** the path's last segment: /api/v3/sysadmin/audit/{name} */
  name: string;
  tab: AnySearchTab;
  /** the body's list fields, in the tab's order */
  params: ListParam[];
  /** "auditPermissions" */
  itemsKey: string;
  /** one line for the OpenAPI document */
  summary: string;
  itemSchema: z.ZodType;
  item(input: ItemInput): unknown;
  /** the answer: the sample's shape, and totalIsCapped */
  responseSchema: z.ZodObject;
}

function responseSchema(itemsKey: string, itemSchema: z.ZodType) {
  const link = z.string().nullable();
  return z.strictObject({
    page: z.number().int().describe("the page, from 1"),
    pageSize: z.number().int().describe("as asked; 0: every result on this page"),
    total: z.number().int().describe(`every matching record, exact up to ${COUNT_CAP}; ${COUNT_CAP} when more match (totalIsCapped)`),
    totalIsCapped: z.boolean().describe(`true when more than ${COUNT_CAP} records match`),
    [itemsKey]: z.array(itemSchema),
    nextLink: link.describe("the next page on this server's public URL, or null"),
    previousLink: link.describe("the previous page, or null"),
  });
}

function declare(name: SearchTabId, itemsKey: string, summary: string, itemSchema: z.ZodType, item: (input: ItemInput) => unknown): CodebeamerList {
  const tab = getSearchTab(name);
  const params = tab.fields.flatMap((field) => (Object.hasOwn(LIST_PARAMS, field.key) ? [LIST_PARAMS[field.key as FieldKey].param] : []));
  return { name, tab, params, itemsKey, summary, itemSchema, item, responseSchema: responseSchema(itemsKey, itemSchema) };
}

export const CODEBEAMER_LISTS = {
  permissions: declare("permissions", "auditPermissions", "Permission audit records (Permissions tab), paged", permissionItemSchema, permissionItem),
  logins: declare("logins", "auditLogins", "Login audit records (Logins tab), paged", loginItemSchema, loginItem),
  artifacts: declare("artifacts", "auditArtifacts", "Work item and artifact audit records (Artifacts tab), paged", artifactItemSchema, artifactItem),
} as const;

export type CodebeamerListName = keyof typeof CODEBEAMER_LISTS;

/** The tab's field a body field stands for: "userNames" -> "users". */
export function fieldKeyOf(param: ListParam): FieldKey {
  return (Object.keys(LIST_PARAMS) as FieldKey[]).find((key) => LIST_PARAMS[key].param === param)!;
}
