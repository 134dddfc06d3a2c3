// GET /api/audit/checkpoints/public-key: the key that signs the log's checkpoints, public and cacheable
import { refuseOtherMethods } from "@/lib/api/api-route";
import { refusalAnswer, unexpectedAnswer } from "@/lib/api/refusals";
import { publicKeyQuerySchema, readQuery } from "@/lib/audit/integrity/log-api-docs";
import { auditLogOrigin, logSigningKey } from "@/lib/audit/integrity/log-key";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET", "HEAD"]);

// A public key is no secret, and it changes only when an operator replaces the key file.
const CACHE = "public, max-age=3600";

export async function GET(request: Request): Promise<Response> {
  try {
    const { format } = readQuery(publicKeyQuerySchema, new URL(request.url).searchParams, ["format"]);
    const { verifierKey } = logSigningKey();
    if (format === "json") {
      return Response.json({ origin: auditLogOrigin(), verifierKey, algorithm: "Ed25519" }, { headers: { "Cache-Control": CACHE } });
    }
    return new Response(`${verifierKey}\n`, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": CACHE } });
  } catch (error) {
    return refusalAnswer(error) ?? unexpectedAnswer(error, "GET /api/audit/checkpoints/public-key");
  }
}

export async function HEAD(request: Request): Promise<Response> {
  const answer = await GET(request);
  return new Response(null, { status: answer.status, headers: answer.headers });
}
