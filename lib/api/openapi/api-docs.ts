// What the OpenAPI document says about one operation, declared beside the API it documents from the
// same zod schemas the route validates with (never written by hand): lib/api/openapi/openapi-document.ts
// turns the list (api-catalog.ts) into OpenAPI 3.1. Pure.
import { z } from "zod";

/** Who may call: as api-route.ts's roles, and "public" for what needs no credentials. */
export type ApiAccess = "reader" | "admin" | "ingest" | "public";

export interface ApiResponseDoc {
  description: string;
  /** default application/json */
  contentType?: string;
  /** the body's schema (as the route writes it); none for an empty body */
  schema?: z.ZodType;
}

export interface ApiOperationDoc {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** as OpenAPI writes it: "/api/shared_spaces/{space}/workspaces/{workspace}/audits" */
  path: string;
  /** one line: "Permission audit records, paged" */
  summary: string;
  description?: string;
  /** the API family: "Codebeamer", "Jira", "ALM Octane", "Sonatype", "Ingestion", "Console" */
  tag: string;
  access: ApiAccess;
  /** the path's {segments}, one key each */
  pathParams?: z.ZodObject;
  /** the query parameters, one key each */
  query?: z.ZodObject;
  body?: { schema: z.ZodType; contentType?: string; description?: string };
  /**
   * The answers the operation documents beyond the refusals every operation of its access has
   * (401, 403, 429 and 503: added by the document): 200 at least, 400 when it takes input.
   */
  responses: Record<number, ApiResponseDoc>;
}

/** A time in an answer: ISO 8601 in UTC, as JSON writes a Date ("2026-11-28T09:15:00.000Z"). */
export const apiTime = z.iso.datetime().describe("ISO 8601, UTC");
