// The OpenAPI description of the exports (app/api/export/[file]): a tab's filtered result as a file.
// The query is the tab's own URL, so its parameters come from the tabs' declarations. Pure.
import { z } from "zod";
import type { ApiOperationDoc } from "@/lib/api/openapi/api-docs";
import { DATE_PRESETS } from "@/lib/audit/search/date-range";
import { CUSTOM_RANGE } from "@/lib/audit/search/filter-schema";
import { SEARCH_TABS } from "@/lib/audit/tabs/search-tabs";
import { EXPORT_TARGETS_TEXT } from "./export-target";
import { EXPORT_FORMATS, FORMAT_INFO } from "./export-formats";

const tabs = Object.values(SEARCH_TABS);
const fieldKeys = [...new Set(tabs.flatMap((tab) => tab.fields.map((field) => field.key)))];

/** A tab's URL parameters, each as the URL spells it (lists comma-separated or repeated). */
const tabQuerySchema = z.object({
  ...Object.fromEntries(
    fieldKeys.map((key) => {
      const owners = tabs.filter((tab) => tab.fields.some((field) => field.key === key));
      const label = owners[0].labels[key];
      return [
        key,
        z
          .string()
          .optional()
          .describe(
            `${label}: ${key === "sources" ? "source names, console for the console's own" : "ids"}, comma-separated (tabs: ${owners.map((tab) => tab.id).join(", ")})`,
          ),
      ];
    }),
  ),
  types: z.string().optional().describe("event types of the tab (USER_LOGIN or User_Login), comma-separated"),
  range: z
    .enum([...DATE_PRESETS, CUSTOM_RANGE])
    .optional()
    .describe("a preset, or custom with from and to; at most one year"),
  from: z.iso.date().optional().describe("first day of a custom range, in the admin's time zone"),
  to: z.iso.date().optional().describe("last day of a custom range, inclusive"),
  sort: z.string().optional().describe('"createdAt.desc" (default) or another column of the tab'),
  preflight: z.literal("1").optional().describe("only count: the rows, the file name and a refusal over the format's limit, as JSON"),
});

const fileParam = z.object({
  file: z
    .string()
    .describe(
      `${EXPORT_TARGETS_TEXT}.{${EXPORT_FORMATS.join("|")}}: the tab, or an entity's timeline (its events: Event Types and the range filter them), and the format, e.g. logins.csv, artifact-12.pdf`,
    ),
});

const preflightAnswerSchema = z.object({
  rows: z.number().int(),
  fileName: z.string(),
  refusal: z.string().nullable().describe("why this format cannot hold the rows, or null"),
  maxRows: z.number().int().nullable(),
});

const files = EXPORT_FORMATS.map((format) => FORMAT_INFO[format].contentType);
const common = {
  path: "/api/export/{file}",
  tag: "Exports",
  access: "reader" as const,
  pathParams: fileParam,
  query: tabQuerySchema,
};
const refusedFilter = { description: "A filter value the tab cannot use, or a range over one year (the message names the field)." };
const tooMany = { description: "Over the format's row limit (an Excel sheet, a PDF): nothing is made; narrow the filters." };

const manifestIdParam = z.object({ id: z.string().uuid().describe("the id the export's X-Export-Manifest header names") });

export const EXPORT_API_DOCS: ApiOperationDoc[] = [
  {
    ...common,
    method: "get",
    summary: "Export a tab's filtered result",
    description: `The whole filtered result as ${EXPORT_FORMATS.map((format) => FORMAT_INFO[format].label).join(", ")}, streamed (${files.join(", ")}); recorded as an Audit Export event. With preflight=1, JSON: the row count and whether the format can hold it.`,
    responses: {
      200: {
        description:
          "The file (X-Export-Rows says how many rows; X-Export-Checkpoint the signed checkpoint's tree size it is bounded by; X-Export-Manifest where its manifest is downloaded once the file has been read to the end), or the preflight's answer.",
        schema: preflightAnswerSchema,
      },
      400: refusedFilter,
      404: { description: "No such tab, entity or format." },
      422: tooMany,
      429: { description: "Too many exports running (yours or everyone's): see Retry-After." },
    },
  },
  {
    path: "/api/export/manifests/{id}",
    tag: "Exports",
    access: "reader",
    pathParams: manifestIdParam,
    method: "get",
    summary: "Download an export's manifest",
    description:
      "The signed manifest of an export the caller downloaded to its end (<export name>.manifest.json): each row's sequence number and leaf hash, the checkpoint, a batch proof and the file's SHA-256. Check it offline: npm run verify -- --export FILE --key PUBKEY. Kept for a day.",
    responses: {
      200: { description: "The manifest (JSON)." },
      404: { description: "No such manifest: not yet read to its end, expired, or another caller's." },
    },
  },
];
