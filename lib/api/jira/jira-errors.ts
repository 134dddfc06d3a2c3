// Jira's audit API refuses bad input in a shape of its own, which its clients parse:
// [{ "errors": [{ "key", "message" }], "message", "status": 400, "timestamp" }]. The /rest/auditing
// routes are declared as every route is (apiRoute: role, body schema, refusals), and their 400s are
// then said in Jira's shape; who may not call (401, 403) and the rest keep the console's one shape.
import { z } from "zod";
import type { ApiErrorBody } from "@/lib/api/api-error";
import { apiRoute, type ApiMethod, type RouteHandler, UNDECLARED_METHOD } from "@/lib/api/api-route";

export const jiraErrorSchema = z
  .array(
    z.object({
      errors: z.array(z.object({ key: z.string().describe("the parameter or body field at fault"), message: z.string() })),
      message: z.string(),
      status: z.number().int(),
      timestamp: z.string().describe("when the request was refused, ISO 8601"),
    }),
  )
  .describe("Jira's error shape");

export type JiraErrorBody = z.infer<typeof jiraErrorSchema>;

export function jiraBadRequest(key: string, message: string, now = new Date()): Response {
  const body: JiraErrorBody = [{ errors: [{ key, message }], message, status: 400, timestamp: now.toISOString() }];
  return Response.json(body, { status: 400, headers: { "Cache-Control": "no-store" } });
}

/** A handler whose 400 (a refused field, in the console's shape) is said in Jira's shape instead. */
function inJiraShape(handler: RouteHandler): RouteHandler {
  return async (request, context) => {
    const answer = await handler(request, context);
    if (answer.status !== 400 || request.method === "HEAD") return answer;
    const { error } = (await answer.json()) as ApiErrorBody;
    return jiraBadRequest(error.field ?? "body", error.message);
  };
}

type Methods = Parameters<typeof apiRoute>[0];

/** apiRoute for a Jira route: the same roles, bodies and refusals, with Jira's 400s. */
export function jiraRoute<Bodies extends Partial<Record<keyof Methods, unknown>>>(methods: { [Name in keyof Bodies]: ApiMethod<Bodies[Name]> }) {
  const handlers = apiRoute<Bodies>(methods);
  // A method the route does not declare keeps its 405 (and its mark for the OpenAPI check): only 400s change shape.
  const wrapped = (handler: RouteHandler) => ((handler as unknown as Record<symbol, unknown>)[UNDECLARED_METHOD] ? handler : inJiraShape(handler));
  return Object.fromEntries(Object.entries(handlers).map(([name, handler]) => [name, wrapped(handler)])) as typeof handlers;
}
