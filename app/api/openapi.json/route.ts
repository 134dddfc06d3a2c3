// GET /api/openapi.json: the OpenAPI 3.1 document of every API, generated from the routes' zod schemas
import { apiRoute } from "@/lib/api/api-route";
import { API_CATALOG, API_TAGS } from "@/lib/api/openapi/api-catalog";
import { openApiDocument } from "@/lib/api/openapi/openapi-document";
import { publicOrigin } from "@/lib/api/public-url";
import packageJson from "@/package.json";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: {
    role: "reader",
    action: "Reading the API reference",
    handle: async ({ request }) =>
      Response.json(openApiDocument(API_CATALOG, { serverUrl: publicOrigin(request), version: packageJson.version, tags: API_TAGS }), {
        headers: { "Cache-Control": "no-store" },
      }),
  },
});
