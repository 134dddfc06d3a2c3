// The OpenAPI document describes itself: GET /api/openapi.json. Pure.
import { z } from "zod";
import type { ApiOperationDoc } from "./api-docs";

export const OPENAPI_API_DOCS: ApiOperationDoc[] = [
  {
    method: "get",
    path: "/api/openapi.json",
    tag: "Reference",
    access: "reader",
    summary: "This OpenAPI 3.1 document",
    description: "Generated from the schemas the routes validate with; the console shows it under Settings, API reference.",
    responses: { 200: { description: "The document.", schema: z.object({ openapi: z.literal("3.1.0") }).loose() } },
  },
];
