// GET /settings/api-reference/scalar.js: the API reference page's renderer (Scalar's standalone
// bundle, from its pinned package), served by the console itself: the console runs where no CDN can be reached.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { apiRoute } from "@/lib/api/api-route";

const BUNDLE = path.join(process.cwd(), "node_modules", "@scalar", "api-reference", "dist", "browser", "standalone.js");

let bundle: Promise<Buffer> | null = null;

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: {
    role: "reader",
    action: "Reading the API reference",
    async handle() {
      // Read once: 4 MB the server keeps rather than reading it for every visit.
      bundle ??= readFile(BUNDLE);
      return new Response(new Uint8Array(await bundle), {
        headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "private, max-age=86400" },
      });
    },
  },
});
