// GET /api/health: liveness for load balancers; touches no database and looks up no session
import { refuseOtherMethods } from "@/lib/api/api-route";
import type { z } from "zod";
import type { livenessSchema } from "@/lib/api/health/health-api-docs";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET", "HEAD"]);

const ALIVE: z.infer<typeof livenessSchema> = { status: "ok" };

export async function GET(): Promise<Response> {
  return Response.json(ALIVE, { headers: { "Cache-Control": "no-store" } });
}

export async function HEAD(): Promise<Response> {
  return new Response(null, { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}
