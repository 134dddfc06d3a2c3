// GET /api/audit/proofs/inclusion?seq=&size=: RFC 9162 proof that event number seq is in the checkpoint of size
import { apiRoute } from "@/lib/api/api-route";
import { inclusionQuerySchema, readQuery } from "@/lib/audit/integrity/log-api-docs";
import { getInclusionProof } from "@/lib/audit/integrity/log-proofs";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: {
    role: "reader",
    action: "Reading the audit log's proofs",
    async handle({ request }) {
      const { seq, size } = readQuery(inclusionQuerySchema, new URL(request.url).searchParams, ["seq", "size"]);
      return Response.json(await getInclusionProof(seq, size));
    },
  },
});
