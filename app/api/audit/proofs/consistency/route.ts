// GET /api/audit/proofs/consistency?from=&to=: RFC 9162 proof that the checkpoint of to extends the one of from
import { apiRoute } from "@/lib/api/api-route";
import { consistencyQuerySchema, readQuery } from "@/lib/audit/integrity/log-api-docs";
import { getConsistencyProof } from "@/lib/audit/integrity/log-proofs";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: {
    role: "reader",
    action: "Reading the audit log's proofs",
    async handle({ request }) {
      const { from, to } = readQuery(consistencyQuerySchema, new URL(request.url).searchParams, ["from", "to"]);
      return Response.json(await getConsistencyProof(from, to));
    },
  },
});
