// Where a finished export's manifest waits for its download (GET /api/export/manifests/{id}): a
// file in EXPORT_MANIFEST_DIR (default: the system's temporary folder), readable only by the caller
// who made the export, kept for MANIFEST_TTL_MS. It is made from the very bytes and rows the
// download sent, so it is kept rather than made again: a purge or a renamed user later would make
// another file. Files of one server: behind several servers, point EXPORT_MANIFEST_DIR at a shared folder.
import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ExportManifest } from "@/lib/audit/integrity/export-manifest";
import type { ExportCaller } from "./export-slots";

/** How long a manifest can be downloaded after its export. */
export const MANIFEST_TTL_MS = 24 * 60 * 60 * 1000;
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function manifestDir(): string {
  return process.env.EXPORT_MANIFEST_DIR || path.join(tmpdir(), "audit-console-export-manifests");
}

/** A new manifest's id: the download's headers name it before the manifest exists. */
export function newManifestId(): string {
  return randomUUID();
}

export function manifestHref(id: string): string {
  return `/api/export/manifests/${id}`;
}

/** Keeps `manifest` under `id` for `caller`, and forgets those past MANIFEST_TTL_MS. */
export async function saveManifest(id: string, caller: ExportCaller, manifest: ExportManifest): Promise<void> {
  const dir = manifestDir();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(path.join(dir, `${id}.json`), `${JSON.stringify({ caller: String(caller), manifest })}\n`, { mode: 0o600 });
  await forgetExpired(dir);
}

/** The manifest `id` names, if `caller` made it and it has not expired. */
export async function readManifest(id: string, caller: ExportCaller): Promise<ExportManifest | null> {
  if (!ID.test(id)) return null;
  const file = path.join(manifestDir(), `${id}.json`);
  try {
    if (Date.now() - (await stat(file)).mtimeMs > MANIFEST_TTL_MS) return null;
    const stored = JSON.parse(await readFile(file, "utf8")) as { caller: string; manifest: ExportManifest };
    return stored.caller === String(caller) ? stored.manifest : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

async function forgetExpired(dir: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(dir)) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (info && now - info.mtimeMs > MANIFEST_TTL_MS) await rm(file, { force: true });
  }
}
