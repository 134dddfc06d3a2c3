// GET /api/export/{logins|artifacts|permissions}.{pdf|xlsx|csv|jsonl}: the tab's filtered result as a file, streamed
// (?preflight=1: only the row count, the file name and a refusal over the format's limit, as JSON)
import { AuthError, authErrorResponse } from "@/lib/auth/guard";
import { FilterValidationError } from "@/lib/audit/filter-schema";
import { requestInfo } from "@/lib/auth/request-info";
import { FORMAT_INFO, isExportFormat } from "@/lib/export/export-formats";
import { contentDisposition, pullStream } from "@/lib/export/export-stream";
import { isExportTab } from "@/lib/export/export-tabs";
import { planExport } from "@/lib/export/run-export";
import { getAdminTimeZone } from "@/lib/time/admin-time-zone";

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const [tab, format, ...rest] = file.split(".");
  if (rest.length > 0 || !tab || !format || !isExportTab(tab) || !isExportFormat(format)) {
    return Response.json({ error: `No such export: ${file}. Use {logins|artifacts|permissions}.{pdf|xlsx|csv|jsonl}.` }, { status: 404 });
  }
  const url = new URL(request.url);
  try {
    const plan = await planExport(tab, format, url.searchParams, { timeZone: await getAdminTimeZone(), request: requestInfo(request.headers) });
    if (url.searchParams.get("preflight") === "1") {
      return Response.json({ rows: plan.rows, fileName: plan.fileName, refusal: plan.refusal, maxRows: FORMAT_INFO[format].maxRows });
    }
    if (plan.refusal) return Response.json({ error: plan.refusal, rows: plan.rows }, { status: 422 });
    const prepared = await plan.prepare();
    return new Response(pullStream(prepared.chunks()), {
      headers: {
        "Content-Type": FORMAT_INFO[format].contentType,
        "Content-Disposition": contentDisposition(prepared.fileName),
        "Cache-Control": "no-store",
        "X-Export-Rows": String(prepared.rows),
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof AuthError) return authErrorResponse(error);
    if (error instanceof FilterValidationError) return Response.json({ error: error.message, field: error.field, fieldErrors: error.fieldErrors }, { status: 400 });
    throw error;
  }
}
