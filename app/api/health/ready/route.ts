// GET /api/health/ready: readiness for load balancers (the database answers, every migration applied); no session looked up
import { refuseOtherMethods } from "@/lib/api/api-route";
import { readinessAnswer } from "@/lib/api/health/readiness";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET", "HEAD"]);

export async function GET(): Promise<Response> {
  return readinessAnswer();
}

export async function HEAD(): Promise<Response> {
  const answer = await readinessAnswer();
  await answer.body?.cancel();
  return new Response(null, { status: answer.status, headers: answer.headers });
}
