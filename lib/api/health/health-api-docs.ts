// What the health endpoints answer, as zod schemas the routes' answers are checked against, and their
// OpenAPI operations. Pure.
import { z } from "zod";
import type { ApiOperationDoc } from "@/lib/api/openapi/api-docs";

export const livenessSchema = z.object({ status: z.literal("ok") });

export const databaseCheckSchema = z.object({
  ok: z.boolean(),
  /** how long the database took to answer, or how long it was given before the check gave up */
  milliseconds: z.number().int().nonnegative(),
  message: z.string().optional(),
});

export const migrationsCheckSchema = z.object({
  ok: z.boolean(),
  /** migrations in the server's prisma/migrations folder */
  expected: z.number().int().nonnegative(),
  /** of those, the ones the database records as applied */
  applied: z.number().int().nonnegative(),
  /** the ones it does not (not yet applied, failed or rolled back), in apply order */
  pending: z.array(z.string()),
  message: z.string().optional(),
});

const checksSchema = z.object({ database: databaseCheckSchema, migrations: migrationsCheckSchema });

export const readySchema = z.object({ status: z.literal("ready"), checks: checksSchema });

export const notReadySchema = z.object({
  status: z.literal("unavailable"),
  error: z.object({ code: z.literal("not_ready"), message: z.string() }),
  checks: checksSchema,
});

export type Readiness = z.infer<typeof readySchema> | z.infer<typeof notReadySchema>;

const forLoadBalancers = "Public (no credentials, no session looked up), not counted as traffic; HEAD answers the same status without a body.";

export const HEALTH_API_DOCS: ApiOperationDoc[] = [
  {
    method: "get",
    path: "/api/health",
    tag: "Health",
    access: "public",
    summary: "Liveness: the server answers",
    description: `Touches no database. ${forLoadBalancers}`,
    responses: { 200: { description: "The server process is up.", schema: livenessSchema } },
  },
  {
    method: "get",
    path: "/api/health/ready",
    tag: "Health",
    access: "public",
    summary: "Readiness: the database answers and every migration is applied",
    description: `One short query (a 2 s limit), shared by callers that ask at the same time. ${forLoadBalancers}`,
    responses: {
      200: { description: "Ready to serve: what was checked.", schema: readySchema },
      503: { description: "Not ready: what is wrong, with Retry-After.", schema: notReadySchema },
    },
  },
];
