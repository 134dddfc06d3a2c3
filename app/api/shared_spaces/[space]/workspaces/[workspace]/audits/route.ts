// GET /api/shared_spaces/{space}/workspaces/{workspace}/audits?query="...": ALM Octane's audits resource, paged by offset or cursor
import { apiError } from "@/lib/api/api-error";
import { apiRoute } from "@/lib/api/api-route";
import { readOctaneAudits, UnknownScopeError } from "@/lib/api/octane/octane-audits";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: {
    role: "reader",
    action: "Reading the audit trail",
    // The space is this console, whatever id a client has configured; the workspace names whose events.
    handle: async ({ request, token, params }) => {
      try {
        const body = await readOctaneAudits(token, new URL(request.url).searchParams, String(params.workspace));
        return Response.json(body, { headers: { "Cache-Control": "no-store" } });
      } catch (error) {
        if (error instanceof UnknownScopeError) return apiError(404, "not_found", error.message, { field: error.field });
        throw error;
      }
    },
  },
});
