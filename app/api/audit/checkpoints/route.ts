// GET /api/audit/checkpoints?size=N: one signed checkpoint by its tree size; without size, the newest first, paged
import { apiRoute } from "@/lib/api/api-route";
import { checkpointsQuerySchema, readQuery } from "@/lib/audit/integrity/log-api-docs";
import { getCheckpoint, listCheckpoints } from "@/lib/audit/integrity/log-proofs";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: {
    role: "reader",
    action: "Reading the audit log's checkpoints",
    async handle({ request }) {
      const query = readQuery(checkpointsQuerySchema, new URL(request.url).searchParams, ["size", "before", "limit"]);
      return Response.json(query.size === undefined ? await listCheckpoints(query) : await getCheckpoint(query.size));
    },
  },
});
