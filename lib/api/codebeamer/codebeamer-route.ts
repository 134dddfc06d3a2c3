// The route handlers of one Codebeamer v3 list (app/api/v3/sysadmin/audit/<list>/route.ts): POST
// with the body and the query's paging, answered in the sample's shape (page, pageSize, total,
// the records, nextLink, previousLink) plus totalIsCapped. Links are on this server's public URL
// (public-url.ts: NEXTAUTH_URL's origin when set, else the request's), keep the request's other query
// parameters, and are null where there is no such page: before page 1, after the last one, and
// past the first COUNT_CAP results, where narrowing the range is the way on.
import "server-only";
import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { publicOrigin } from "@/lib/api/public-url";
import { COUNT_CAP } from "@/lib/audit/search/list-result";
import { CODEBEAMER_LISTS, type CodebeamerListName } from "./codebeamer-lists";
import { parseRequestBody, parseRequestQuery, type RequestPaging } from "./codebeamer-request";
import { searchCodebeamerList } from "./codebeamer-search";

/** The request's URL at `page`: page and pageSize first (as the sample writes them), the other parameters kept. */
function pageLink(request: Request, page: number, pageSize: number): string {
  const url = new URL(request.url);
  const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  for (const [key, value] of url.searchParams) if (key !== "page" && key !== "pageSize") query.append(key, value);
  return `${publicOrigin(request)}${url.pathname}?${query}`;
}

function links(request: Request, { page, pageSize }: RequestPaging, total: number) {
  if (pageSize === 0) return { nextLink: null, previousLink: null };
  const hasNext = page * pageSize < total && (page + 1) * pageSize <= COUNT_CAP;
  return {
    nextLink: hasNext ? pageLink(request, page + 1, pageSize) : null,
    previousLink: page > 1 ? pageLink(request, page - 1, pageSize) : null,
  };
}

/** Every method of the list's route: POST reads, the others answer 405. */
export function codebeamerRoute(name: CodebeamerListName) {
  const list = CODEBEAMER_LISTS[name];
  return apiRoute({
    POST: {
      role: "reader",
      action: `Reading the ${list.tab.title} audit records`,
      // Validated in handle, to name the body's top-level field (eventTypes, not eventTypes.2).
      body: z.unknown(),
      async handle({ request, token, body }) {
        const paging = parseRequestQuery(new URL(request.url).searchParams);
        const input = parseRequestBody(list, body);
        const { total, totalIsCapped, items } = await searchCodebeamerList(list, input, paging, token);
        const answer = { page: paging.page, pageSize: paging.pageSize, total, totalIsCapped, [list.itemsKey]: items, ...links(request, paging, total) };
        return Response.json(answer, { headers: { "Cache-Control": "no-store" } });
      },
    },
  });
}
