// GET /api/export/{logins|artifacts|permissions}.{pdf|xlsx|csv|jsonl}: the tab's filtered result as a file, streamed
// (?preflight=1: only the row count, the file name and a refusal over the format's limit, as JSON)
import { apiError } from "@/lib/api/api-error";
import { refusalAnswer, unexpectedAnswer } from "@/lib/api/refusals";
import { requestInfo } from "@/lib/auth/request-info";
import { FORMAT_INFO, isExportFormat } from "@/lib/export/export-formats";
import { EXPORT_RETRY_AFTER_SECONDS } from "@/lib/export/export-slots";
import { contentDisposition, pullStream } from "@/lib/export/export-stream";
import { isExportTab } from "@/lib/export/export-tabs";
import { planExport } from "@/lib/export/run-export";
import { getAdminTimeZone } from "@/lib/time/admin-time-zone";

/** A download whose client takes nothing for this long is ended, freeing its slot and connections. */
const STALL_MS = 60_000;

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const [tab, format, ...rest] = file.split(".");
  if (rest.length > 0 || !tab || !format || !isExportTab(tab) || !isExportFormat(format)) {
    return apiError(404, "not_found", `No such export: ${file}. Use {logins|artifacts|permissions}.{pdf|xlsx|csv|jsonl}.`);
  }
  const url = new URL(request.url);
  try {
    const plan = await planExport(tab, format, url.searchParams, { timeZone: await getAdminTimeZone(), request: requestInfo(request.headers) });
    if (url.searchParams.get("preflight") === "1") {
      // Says at once when the export would be refused for now, before the user confirms a large one.
      if (plan.busy) return apiError(429, "too_many_exports", plan.busy, { retryAfterSeconds: EXPORT_RETRY_AFTER_SECONDS });
      return Response.json({ rows: plan.rows, fileName: plan.fileName, refusal: plan.refusal, maxRows: FORMAT_INFO[format].maxRows });
    }
    if (plan.refusal) return apiError(422, "too_many_rows", plan.refusal);
    const prepared = await plan.prepare();
    // A client that goes away cancels the stream; one that stops reading is ended after STALL_MS.
    const body = pullStream(prepared.chunks(), { onClose: prepared.release, stallMs: STALL_MS, signal: request.signal });
    return new Response(body, {
      headers: {
        "Content-Type": FORMAT_INFO[format].contentType,
        "Content-Disposition": contentDisposition(prepared.fileName),
        "Cache-Control": "no-store",
        "X-Export-Rows": String(prepared.rows),
      },
    });
  } catch (error) {
    return refusalAnswer(error) ?? unexpectedAnswer(error, `Export ${file}`);
  }
}
