// Where a finished export's manifest waits for its download (GET /api/export/manifests/{id}): a
// file in EXPORT_MANIFEST_DIR (default: the system's temporary folder), readable only by the caller
// who made the export, kept for MANIFEST_TTL_MS. It is made from the very bytes and rows the
// download sent, so it is kept rather than made again: a purge or a renamed user later would make
// another file. Files of one server: behind several servers, point EXPORT_MANIFEST_DIR at a shared folder.
// An export in the making keeps its manifest's rows and proof there too (manifestWorkFiles), until
// its manifest is stored or the export fails.
import "server-only";
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, mkdirSync } from "node:fs";
import { readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { manifestJsonText, type SignedManifestSource } from "@/lib/audit/integrity/export-manifest";
import type { ExportCaller } from "./export-slots";

/** How long a manifest can be downloaded after its export. */
export const MANIFEST_TTL_MS = 24 * 60 * 60 * 1000;
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function manifestDir(): string {
  return process.env.EXPORT_MANIFEST_DIR || path.join(tmpdir(), "audit-console-export-manifests");
}

/** A new manifest's id: the download's headers name it before the manifest exists. */
export function newManifestId(): string {
  return randomUUID();
}

export function manifestHref(id: string): string {
  return `/api/export/manifests/${id}`;
}

/** The files an export in the making keeps beside its manifest's place: its rows, and its batch proof's hashes. */
export function manifestWorkFiles(id: string): { rows: string; proof: string } {
  const dir = manifestDir();
  return { rows: path.join(dir, `${id}.rows.tmp`), proof: path.join(dir, `${id}.proof.tmp`) };
}

/** Makes the manifests' folder, readable by the server alone. */
export function makeManifestDir(): void {
  mkdirSync(manifestDir(), { recursive: true, mode: 0o700 });
}

/**
 * Keeps `manifest` under `id` for `caller`, and forgets those past MANIFEST_TTL_MS. The file is a
 * line saying whose it is, then the manifest's JSON, written as it is read from its source.
 */
export async function saveManifest(id: string, caller: ExportCaller, manifest: SignedManifestSource): Promise<void> {
  makeManifestDir();
  const file = path.join(manifestDir(), `${id}.json`);
  const owner: StoredOwner = { caller: String(caller), fileName: manifest.head.file.name };
  try {
    await pipeline(
      (async function* () {
        yield `${JSON.stringify(owner)}\n`;
        yield* manifestJsonText(manifest);
        yield "\n";
      })(),
      createWriteStream(file, { mode: 0o600 }),
    );
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  await forgetExpired(manifestDir());
}

/** The first line of a stored manifest's file. */
interface StoredOwner {
  caller: string;
  /** the export's file name */
  fileName: string;
}

/** A stored manifest: the export's file name, and its JSON as a stream of bytes. */
export interface StoredManifest {
  fileName: string;
  json(): Readable;
}

/** The manifest `id` names, if `caller` made it and it has not expired; only its first line is read here. */
export async function openManifest(id: string, caller: ExportCaller): Promise<StoredManifest | null> {
  if (!ID.test(id)) return null;
  const file = path.join(manifestDir(), `${id}.json`);
  try {
    if (Date.now() - (await stat(file)).mtimeMs > MANIFEST_TTL_MS) return null;
    const lines = createInterface({ input: createReadStream(file, { encoding: "utf8", highWaterMark: 4096 }), crlfDelay: Number.POSITIVE_INFINITY });
    let first: string | undefined;
    for await (const line of lines) {
      first = line;
      break;
    }
    lines.close();
    const owner = JSON.parse(first ?? "null") as StoredOwner | null;
    // A file stored before manifests were streamed is one line of { caller, manifest }: not served (it expires in a day).
    if (owner?.caller !== String(caller) || typeof owner.fileName !== "string") return null;
    const start = Buffer.byteLength(first as string) + 1;
    return { fileName: owner.fileName, json: () => createReadStream(file, { start }) };
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
