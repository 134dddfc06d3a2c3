// GET /api/audit/checkpoints/latest: the newest signed checkpoint of the Merkle log
import { apiError } from "@/lib/api/api-error";
import { apiRoute } from "@/lib/api/api-route";
import { getLatestCheckpoint } from "@/lib/audit/integrity/log-proofs";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: {
    role: "reader",
    action: "Reading the audit log's checkpoints",
    async handle() {
      const latest = await getLatestCheckpoint();
      if (!latest) return apiError(404, "no_checkpoint", "No checkpoint has been signed yet: the log holds no event.");
      return Response.json(latest, { headers: { "Cache-Control": "no-store" } });
    },
  },
});
