// Signs an export's manifest once its rows are written: the batch proof of their leaves in the
// export's checkpoint, the facts the file states, and the signature (lib/audit/integrity/export-manifest.ts).
import "server-only";
import { type ExportFileFormat, type ExportManifest, leavesBySeq, type ManifestRow, signManifest } from "@/lib/audit/integrity/export-manifest";
import { logSigningKey } from "@/lib/audit/integrity/log-key";
import { batchProofAt } from "@/lib/audit/integrity/merkle-store";
import type { SqlSession } from "@/lib/db";
import type { ExportCheckpoint } from "./export-checkpoint";
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
