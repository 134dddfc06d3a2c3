// Signs an export's manifest once its rows are written: the batch proof of their leaves in the
// export's checkpoint, the facts the file states, and the signature (lib/audit/integrity/export-manifest.ts).
import "server-only";
import { createHash } from "node:crypto";
import { type ExportFileFormat, type ExportManifest, leavesBySeq, type ManifestRow, signManifest } from "@/lib/audit/integrity/export-manifest";
import { logSigningKey } from "@/lib/audit/integrity/log-key";
import { batchProofAt } from "@/lib/audit/integrity/merkle-store";
import { getDb, type SqlSession } from "@/lib/db";
import type { ExportCheckpoint } from "./export-checkpoint";
import { ManifestRows } from "./export-manifest-rows";
import type { FilterLine } from "./filter-summary";

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

export async function buildExportManifest(
  session: Pick<SqlSession, "query">,
  facts: ManifestFacts,
  rows: ManifestRow[],
  fileSha256: string | null,
): Promise<ExportManifest> {
  const { checkpoint } = facts;
  const { indices } = leavesBySeq(rows);
  const proof = indices.length > 0 ? await batchProofAt(session, indices, checkpoint.treeSize) : { hashes: [] };
  return signManifest(
    {
      version: "audit-console-export-manifest/v1",
      file: { name: facts.fileName, format: facts.format, sha256: fileSha256 },
      export: {
        title: facts.title,
        filters: facts.filters.map(({ label, value }) => ({ label, value })),
        timeZone: facts.timeZone,
        generatedAt: facts.generatedAt.toISOString(),
        generatedBy: facts.generatedBy,
        rows: rows.length,
      },
      checkpoint: {
        treeSize: checkpoint.treeSize,
        rootHash: checkpoint.rootHash.toString("base64"),
        time: checkpoint.createdAt.toISOString(),
        note: checkpoint.note,
      },
      rows,
      batchProof: { hashes: proof.hashes.map((hash) => hash.toString("base64")) },
    },
    logSigningKey(),
  );
}

/** One export's manifest in the making: its rows as they are read, the file's hash as its chunks go by, then the signed manifest, made once. */
export class ExportManifestMaker {
  readonly rows = new ManifestRows();
  private readonly fileHash = createHash("sha256");
  private signed: Promise<ExportManifest> | null = null;

  constructor(private readonly facts: ManifestFacts) {}

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
  sign(): Promise<ExportManifest> {
    if (!this.signed) {
      const fileSha256 = this.facts.format === "xlsx" ? null : this.fileHash.digest("hex");
      this.signed = getDb().withSession((session) => buildExportManifest(session, this.facts, this.rows.rows, fileSha256));
    }
    return this.signed;
  }
}
