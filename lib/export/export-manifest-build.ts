// Signs an export's manifest once its rows are written: the batch proof of their leaves in the
// export's checkpoint, the facts the file states, and the signature (lib/audit/integrity/export-manifest.ts).
// The rows wait in a file of their own (export-manifest-rows.ts) and the proof's hashes go to
// another: a million rows' manifest is read from them, as the signature, the stored manifest and
// Excel's Manifest sheet need it, and never held whole.
import "server-only";
import { createHash } from "node:crypto";
import { closeSync, createReadStream, createWriteStream, openSync } from "node:fs";
import { rm } from "node:fs/promises";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import {
  type ExportFileFormat,
  type ManifestHead,
  MANIFEST_VERSION,
  type ManifestSource,
  type SignedManifestSource,
  signManifestSource,
} from "@/lib/audit/integrity/export-manifest";
import { logSigningKey } from "@/lib/audit/integrity/log-key";
import { batchProofSlicesAt } from "@/lib/audit/integrity/merkle-store";
import { getDb, type SqlSession } from "@/lib/db";
import type { ExportCheckpoint } from "./export-checkpoint";
import { ManifestRows } from "./export-manifest-rows";
import type { FilterLine } from "./filter-summary";
import { makeManifestDir, manifestWorkFiles } from "./manifest-store";

export interface ManifestFacts {
  fileName: string;
  format: ExportFileFormat;
  title: string;
  filters: readonly FilterLine[];
  timeZone: string;
  generatedAt: Date;
  generatedBy: string;
  checkpoint: ExportCheckpoint;
}

/** The lines of a file of JSON items (one a line) as the items joined by commas, in pieces. */
async function* commaJoined(file: string): AsyncGenerator<string> {
  let carry = "";
  // The items are ASCII (integers, base64, null): a chunk never ends inside a character.
  for await (const chunk of createReadStream(file, { encoding: "latin1", highWaterMark: 1 << 14 })) {
    const text = carry + (chunk as string).replaceAll("\n", ",");
    yield text.slice(0, -1);
    carry = text.slice(-1);
  }
  // What is left is the last line's "\n", now a comma: dropped.
}

/** The rows' sequence numbers, ascending: 8 bytes a row, what the batch proof walks. */
async function sortedSeqs(file: string, count: number): Promise<Float64Array> {
  const seqs = new Float64Array(count);
  let at = 0;
  for await (const line of createInterface({ input: createReadStream(file, { encoding: "latin1" }), crlfDelay: Number.POSITIVE_INFINITY })) {
    if (at >= count) throw new RangeError(`the manifest's rows file holds more than its ${count} rows`);
    seqs[at++] = Number(line.slice(1, line.indexOf(",")));
  }
  if (at !== count) throw new RangeError(`the manifest's rows file holds ${at} rows, not ${count}`);
  return seqs.sort();
}

/** Writes the batch proof of the leaves at `seqs` in the checkpoint's tree to `file`, a hash (as a JSON string) a line. */
async function writeBatchProof(session: Pick<SqlSession, "query">, seqs: Float64Array, treeSize: number, file: string): Promise<void> {
  await pipeline(
    (async function* () {
      if (seqs.length === 0) return;
      for await (const slice of batchProofSlicesAt(session, seqs, treeSize)) yield slice.map((hash) => `"${hash.toString("base64")}"\n`).join("");
    })(),
    createWriteStream(file, { mode: 0o600 }),
  );
}

/** What a manifest states beside its rows and proof. */
function manifestHead(facts: ManifestFacts, rows: number, fileSha256: string | null): ManifestHead {
  const { checkpoint } = facts;
  return {
    version: MANIFEST_VERSION,
    file: { name: facts.fileName, format: facts.format, sha256: fileSha256 },
    export: {
      title: facts.title,
      filters: facts.filters.map(({ label, value }) => ({ label, value })),
      timeZone: facts.timeZone,
      generatedAt: facts.generatedAt.toISOString(),
      generatedBy: facts.generatedBy,
      rows,
    },
    checkpoint: {
      treeSize: checkpoint.treeSize,
      rootHash: checkpoint.rootHash.toString("base64"),
      time: checkpoint.createdAt.toISOString(),
      note: checkpoint.note,
    },
  };
}

/**
 * One export's manifest in the making: its rows as they are read (to the rows file, through the
 * thread that writes the export), the file's hash as its chunks go by, then the signed manifest,
 * made once and read from its files. dispose() removes them, whether the export ended or failed.
 */
export class ExportManifestMaker {
  readonly rows = new ManifestRows(() => this.rowsFd());
  private readonly files: { rows: string; proof: string };
  private fd: number | null = null;
  /** the rows a worker thread wrote through rowsFd() (text-export-job.ts), for an export that read none here */
  private workerRows: number | null = null;
  private readonly fileHash = createHash("sha256");
  private signed: Promise<SignedManifestSource> | null = null;
  private disposed = false;

  constructor(
    private readonly facts: ManifestFacts,
    id: string,
  ) {
    this.files = manifestWorkFiles(id);
  }

  /** The rows file's descriptor, opened the first time: this thread or a worker appends rows through it. */
  rowsFd(): number {
    // A writer still going after its download ended (Excel's, until its next turn) must not make the file again.
    if (this.disposed) throw new Error("The export has ended: its manifest's files are gone.");
    if (this.fd === null) {
      makeManifestDir();
      this.fd = openSync(this.files.rows, "w", 0o600);
    }
    return this.fd;
  }

  /** The worker wrote `count` rows to the rows file. */
  adopt(count: number): void {
    this.workerRows = count;
  }

  /** `source`, each chunk hashed as it goes by. */
  async *hashed(source: AsyncIterable<string | Uint8Array>): AsyncGenerator<string | Uint8Array> {
    for await (const chunk of source) {
      this.fileHash.update(chunk);
      yield chunk;
    }
  }

  /**
   * The signed manifest, once every row is written. Excel's writer asks for it for its last sheet,
   * before the file's last bytes exist: its manifest has no file hash (its rows' digests tie it).
   * On a session without the pages' statement timeout: a sparse million rows' proof reads many leaves.
   */
  sign(): Promise<SignedManifestSource> {
    if (!this.signed) {
      const fileSha256 = this.facts.format === "xlsx" ? null : this.fileHash.digest("hex");
      this.signed = this.build(fileSha256);
    }
    return this.signed;
  }

  private async build(fileSha256: string | null): Promise<SignedManifestSource> {
    const count = this.workerRows ?? this.rows.finish();
    // An export of no rows wrote none: its file is empty, not missing.
    this.rowsFd();
    this.close();
    const seqs = await sortedSeqs(this.files.rows, count);
    const { checkpoint } = this.facts;
    await getDb().withSession((session) => writeBatchProof(session, seqs, checkpoint.treeSize, this.files.proof));
    if (this.disposed) {
      await this.dispose();
      throw new Error("The export has ended: its manifest's files are gone.");
    }
    const { rows, proof } = this.files;
    const source: ManifestSource = {
      head: manifestHead(this.facts, count, fileSha256),
      rows: () => commaJoined(rows),
      proofHashes: () => commaJoined(proof),
    };
    return signManifestSource(source, logSigningKey());
  }

  private close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  /** Removes the rows and proof files: once the manifest is stored, or the export failed or was left. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.close();
    await Promise.all([rm(this.files.rows, { force: true }), rm(this.files.proof, { force: true })]);
  }
}
