// ANY /api/...: an API path nothing answers. JSON for API clients, never the console's HTML page.
import { apiError } from "@/lib/api/api-error";

function missing(request: Request): Response {
  const { pathname } = new URL(request.url);
  return apiError(404, "not_found", `No API answers at ${request.method} ${pathname}.`);
}

export { missing as GET, missing as POST, missing as PUT, missing as PATCH, missing as DELETE, missing as OPTIONS };
