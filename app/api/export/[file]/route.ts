// GET /api/export/{logins|artifacts|permissions|console|user-ID|artifact-ID|project-ID|tracker-ID}.{pdf|xlsx|csv|jsonl}:
// a tab's filtered result, or an entity timeline's, as a file, streamed
// (?preflight=1: only the row count, the file name and a refusal over the format's limit, as JSON;
// HEAD: the file's headers, counted but neither made nor recorded). A file starts with a forced
// checkpoint and names its manifest's download (X-Export-Manifest), ready once the file is read.
import { apiError } from "@/lib/api/api-error";
import { apiRoute, type ApiCall } from "@/lib/api/api-route";
import { requestInfo } from "@/lib/auth/request-info";
import { FORMAT_INFO, isExportFormat, type ExportFormat } from "@/lib/export/export-formats";
import { EXPORT_RETRY_AFTER_SECONDS } from "@/lib/export/export-slots";
import { contentDisposition, pullStream } from "@/lib/export/export-stream";
import { planExport, type ExportPlan } from "@/lib/export/run-export";
import { EXPORT_TARGETS_TEXT, parseExportTarget, UnknownEntityError } from "@/lib/export/export-target";
import { getAdminTimeZone } from "@/lib/time/admin-time-zone";

/** A download whose client takes nothing for this long is ended, freeing its slot and connections. */
const STALL_MS = 60_000;
const EXPORTING = "Exporting the audit trail";

function fileHeaders(format: ExportFormat, plan: Pick<ExportPlan, "fileName" | "rows">): Record<string, string> {
  return {
    "Content-Type": FORMAT_INFO[format].contentType,
    "Content-Disposition": contentDisposition(plan.fileName),
    "Cache-Control": "no-store",
    "X-Export-Rows": String(plan.rows),
  };
}

/** The export a request names, planned (filters, count), or the answer that refuses it. */
async function planned(
  { request, params }: ApiCall<unknown>,
  work: (format: ExportFormat, plan: Awaited<ReturnType<typeof planExport>>) => Promise<Response>,
  countOnly: boolean,
): Promise<Response> {
  const file = String(params.file);
  const [name, format, ...rest] = file.split(".");
  const target = name ? parseExportTarget(name) : null;
  if (rest.length > 0 || !target || !format || !isExportFormat(format)) {
    return apiError(404, "not_found", `No such export: ${file}. Use ${EXPORT_TARGETS_TEXT}.{pdf|xlsx|csv|jsonl}.`);
  }
  try {
    const plan = await planExport(target, format, new URL(request.url).searchParams, {
      timeZone: await getAdminTimeZone(),
      request: requestInfo(request.headers),
      countOnly,
    });
    return await work(format, plan);
  } catch (error) {
    if (error instanceof UnknownEntityError) return apiError(404, "not_found", error.message);
    throw error;
  }
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: {
    role: "reader",
    action: EXPORTING,
    handle: (call) => {
      const preflight = new URL(call.request.url).searchParams.get("preflight") === "1";
      return planned(
        call,
        async (format, plan) => {
          if (preflight) {
            // Says at once when the export would be refused for now, before the user confirms a large one.
            if (plan.busy) return apiError(429, "too_many_exports", plan.busy, { retryAfterSeconds: EXPORT_RETRY_AFTER_SECONDS });
            return Response.json({ rows: plan.rows, fileName: plan.fileName, refusal: plan.refusal, maxRows: FORMAT_INFO[format].maxRows });
          }
          if (plan.refusal) return apiError(422, "too_many_rows", plan.refusal);
          const prepared = await plan.prepare();
          // A client that goes away ends the download; one that stops reading is ended after STALL_MS.
          const body = pullStream(prepared.chunks(), { onClose: prepared.release, stallMs: STALL_MS, signal: call.request.signal });
          const headers = {
            ...fileHeaders(format, prepared),
            "X-Export-Manifest": prepared.manifestHref,
            "X-Export-Checkpoint": String(prepared.checkpoint.treeSize),
          };
          return new Response(body, { headers });
        },
        preflight,
      );
    },
  },
  // Not GET without its body: that would make (and record) a file nobody reads.
  HEAD: {
    role: "reader",
    action: EXPORTING,
    handle: (call) => planned(call, async (format, plan) => new Response(null, { status: plan.refusal ? 422 : 200, headers: fileHeaders(format, plan) }), true),
  },
});
