// GET /api/export/manifests/{id}: the manifest of an export the caller downloaded (its X-Export-Manifest),
// as "<export name>.manifest.json": ties the file's rows to a signed checkpoint (npm run verify -- --export)
import { Readable } from "node:stream";
import { apiError } from "@/lib/api/api-error";
import { apiRoute } from "@/lib/api/api-route";
import { manifestFileName } from "@/lib/audit/integrity/export-manifest";
import { exportCallerOf } from "@/lib/export/export-slots";
import { contentDisposition } from "@/lib/export/export-stream";
import { openManifest } from "@/lib/export/manifest-store";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: {
    role: "reader",
    action: "Downloading an export's manifest",
    handle: async ({ principal, params }) => {
      const manifest = await openManifest(String(params.id), exportCallerOf(principal));
      if (!manifest) {
        return apiError(
          404,
          "not_found",
          "No such manifest: it is ready once its export has been downloaded to the end, kept for a day, and only for who made the export.",
        );
      }
      // Streamed from the stored file as it is: a million rows' manifest is about 80 MB of JSON.
      return new Response(Readable.toWeb(manifest.json()) as ReadableStream<Uint8Array>, {
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "Content-Disposition": contentDisposition(manifestFileName(manifest.fileName)),
          "Cache-Control": "no-store",
        },
      });
    },
  },
});
