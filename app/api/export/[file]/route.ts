// GET /api/export/{logins|artifacts|permissions|console}.{pdf|xlsx|csv|jsonl}: the tab's filtered result as a file, streamed
// (?preflight=1: only the row count, the file name and a refusal over the format's limit, as JSON;
// HEAD: the file's headers, counted but neither made nor recorded)
import { apiError } from "@/lib/api/api-error";
import { refusalAnswer, unexpectedAnswer } from "@/lib/api/refusals";
import { requestInfo } from "@/lib/auth/request-info";
import { FORMAT_INFO, isExportFormat, type ExportFormat } from "@/lib/export/export-formats";
import { EXPORT_RETRY_AFTER_SECONDS } from "@/lib/export/export-slots";
import { contentDisposition, pullStream } from "@/lib/export/export-stream";
import { isSearchTabId, SEARCH_TAB_IDS } from "@/lib/audit/tabs/search-tabs";
import { planExport, type ExportPlan } from "@/lib/export/run-export";
import { getAdminTimeZone } from "@/lib/time/admin-time-zone";

/** A download whose client takes nothing for this long is ended, freeing its slot and connections. */
const STALL_MS = 60_000;

interface RouteContext {
  params: Promise<{ file: string }>;
}

function fileHeaders(format: ExportFormat, plan: Pick<ExportPlan, "fileName" | "rows">): Record<string, string> {
  return {
    "Content-Type": FORMAT_INFO[format].contentType,
    "Content-Disposition": contentDisposition(plan.fileName),
    "Cache-Control": "no-store",
    "X-Export-Rows": String(plan.rows),
  };
}

/** The export a request names, planned (guard, filters, count), or the answer that refuses it. */
async function planned(request: Request, { params }: RouteContext, work: (format: ExportFormat, plan: Awaited<ReturnType<typeof planExport>>) => Promise<Response>): Promise<Response> {
  const { file } = await params;
  const [tab, format, ...rest] = file.split(".");
  if (rest.length > 0 || !tab || !format || !isSearchTabId(tab) || !isExportFormat(format)) {
    return apiError(404, "not_found", `No such export: ${file}. Use {${SEARCH_TAB_IDS.join("|")}}.{pdf|xlsx|csv|jsonl}.`);
  }
  try {
    const url = new URL(request.url);
    const plan = await planExport(tab, format, url.searchParams, { timeZone: await getAdminTimeZone(), request: requestInfo(request.headers) });
    return await work(format, plan);
  } catch (error) {
    return refusalAnswer(error) ?? unexpectedAnswer(error, `Export ${file}`);
  }
}

export function GET(request: Request, context: RouteContext): Promise<Response> {
  return planned(request, context, async (format, plan) => {
    if (new URL(request.url).searchParams.get("preflight") === "1") {
      // Says at once when the export would be refused for now, before the user confirms a large one.
      if (plan.busy) return apiError(429, "too_many_exports", plan.busy, { retryAfterSeconds: EXPORT_RETRY_AFTER_SECONDS });
      return Response.json({ rows: plan.rows, fileName: plan.fileName, refusal: plan.refusal, maxRows: FORMAT_INFO[format].maxRows });
    }
    if (plan.refusal) return apiError(422, "too_many_rows", plan.refusal);
    const prepared = await plan.prepare();
    // A client that goes away ends the download; one that stops reading is ended after STALL_MS.
    const body = pullStream(prepared.chunks(), { onClose: prepared.release, stallMs: STALL_MS, signal: request.signal });
    return new Response(body, { headers: fileHeaders(format, prepared) });
  });
}

// Next answers HEAD through GET unless told otherwise, which would make (and record) a file nobody reads.
export function HEAD(request: Request, context: RouteContext): Promise<Response> {
  return planned(request, context, async (format, plan) => new Response(null, { status: plan.refusal ? 422 : 200, headers: fileHeaders(format, plan) }));
}
