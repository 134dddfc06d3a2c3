// The Codebeamer v3 audit API's operations as the OpenAPI document describes them, from the same
// zod schemas the routes validate with and answer in. Pure.
import type { ApiOperationDoc } from "@/lib/api/openapi/api-docs";
import { COUNT_CAP } from "@/lib/audit/search/list-result";
import { CODEBEAMER_LISTS } from "./codebeamer-lists";
import { MAX_PAGE_SIZE, requestBodySchema, requestQuerySchema } from "./codebeamer-request";

const DESCRIPTION = [
  "As Codebeamer's Swagger v3 audit API (reference 001). The body's fields are all optional; a field this list does not have is refused (400).",
  "`duration` (a preset with underscores: This_Week, Last_365_Days; days in UTC) wins over `fromDate`/`toDate`; neither: Last_30_Days.",
  "`fromDate`/`toDate` are ISO 8601 (no offset: UTC; a bare date: that whole UTC day), toDate included and at most one year after fromDate.",
  "Usernames and ids are the sending system's own: the token's source; a console session names `source` when several sending systems exist. A name or id that matches nothing selects nothing.",
  `Oldest first. \`page\` from 1 (an offset), \`pageSize\` up to ${MAX_PAGE_SIZE} (default 25; 0: every result at once, refused above ${COUNT_CAP}); page × pageSize at most ${COUNT_CAP}.`,
  "`createdAt` is UTC without a zone, as in Codebeamer's sample. `showChanges: true` adds each record's changes.",
].join("\n\n");

export const CODEBEAMER_API_DOCS: ApiOperationDoc[] = Object.values(CODEBEAMER_LISTS).map((list) => ({
  method: "post",
  path: `/api/v3/sysadmin/audit/${list.name}`,
  summary: list.summary,
  description: DESCRIPTION,
  tag: "Codebeamer",
  access: "reader",
  query: requestQuerySchema,
  body: { schema: requestBodySchema(list), description: "The filters, as Codebeamer's sample request" },
  responses: {
    200: { description: `One page of ${list.tab.texts.table.toLowerCase()}`, schema: list.responseSchema },
    400: {
      description:
        "A field refused, named in error.field: unknown field, event type not of this list, range over a year, pageSize over 100, a page past the first 10,000 results",
    },
  },
}));
