import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ExportManifestBody,
  MANIFEST_VERSION,
  type ManifestRow,
  type ManifestSource,
  manifestJsonText,
  manifestParts,
  manifestPartsOf,
  signManifest,
  signManifestSource,
} from "./export-manifest";
import { loadOrCreateSigningKey } from "./signing-key";

// A million rows' manifest is read from files in pieces (lib/export/export-manifest-build.ts): the
// pieces must make the very manifest, signature and Excel cells that the whole body in memory makes.

const key = loadOrCreateSigningKey(mkdtempSync(path.join(tmpdir(), "manifest-source-")), "audit.example.com/audit-log");
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

const rowArbitrary = fc.tuple(
  fc.nat({ max: 2 ** 40 }),
  fc.uint8Array({ minLength: 32, maxLength: 32 }).map(base64),
  fc.option(fc.uint8Array({ minLength: 16, maxLength: 16 }).map(base64)),
  fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
);
const rows = fc
  .array(rowArbitrary, { maxLength: 40 })
  .map((list) => list.map(([seq, leaf, digest, sheetRows]): ManifestRow => (sheetRows === undefined ? [seq, leaf, digest] : [seq, leaf, digest, sheetRows])));

function body(manifestRows: ManifestRow[], hashes: string[], title: string): ExportManifestBody {
  return {
    version: MANIFEST_VERSION,
    file: { name: "logins.csv", format: "csv", sha256: "ab".repeat(32) },
    export: {
      title,
      filters: [{ label: "Created at", value: "Last 365 Days" }],
      timeZone: "Europe/Berlin",
      generatedAt: "2026-03-16T10:00:00.000Z",
      generatedBy: "zoë",
      rows: manifestRows.length,
    },
    checkpoint: {
      treeSize: 1000,
      rootHash: `${"A".repeat(43)}=`,
      time: "2026-03-16T10:00:00.000Z",
      note: "audit.example.com/audit-log\n1000\nroot\n\n— sig\n",
    },
    rows: manifestRows,
    batchProof: { hashes },
  };
}

/** `items` as JSON joined by commas, cut at the given places: as a file of rows is read back. */
async function* piecesOf(items: readonly unknown[], cuts: readonly number[]): AsyncGenerator<string> {
  const text = items.map((item) => JSON.stringify(item)).join(",");
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const end = Math.min(text.length, cut);
    if (end > at) yield text.slice(at, end);
    at = Math.max(at, end);
  }
  if (at < text.length) yield text.slice(at);
}

describe("a manifest read from its files in pieces", () => {
  it("has the JSON and the signature of the same manifest signed whole", async () => {
    await fc.assert(
      fc.asyncProperty(
        rows,
        fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }).map(base64), { maxLength: 20 }),
        fc.string(),
        fc.array(fc.nat({ max: 3000 }), { maxLength: 6 }),
        async (manifestRows, hashes, title, cuts) => {
          const whole = signManifest(body(manifestRows, hashes, title), key);
          const { rows: _rows, batchProof: _proof, ...head } = body(manifestRows, hashes, title);
          const source: ManifestSource = { head, rows: () => piecesOf(manifestRows, cuts), proofHashes: () => piecesOf(hashes, cuts) };
          const signed = await signManifestSource(source, key);
          expect(signed.signature).toBe(whole.signature);
          let json = "";
          for await (const piece of manifestJsonText(signed)) json += piece;
          expect(json).toBe(JSON.stringify(whole));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("is cut into the same Excel cells as the whole JSON, never before a formula's first character nor inside a character", async () => {
    const text = fc
      .array(fc.constantFrom("a", "=", "+", "-", "@", "\t", "\r", "😀", '"', "x"), { minLength: 0, maxLength: 120 })
      .map((chars) => chars.join(""));
    await fc.assert(
      fc.asyncProperty(text, fc.integer({ min: 2, max: 9 }), fc.array(fc.nat({ max: 130 }), { maxLength: 8 }), async (json, size, cuts) => {
        async function* pieces(): AsyncGenerator<string> {
          let at = 0;
          for (const cut of [...cuts].sort((a, b) => a - b)) {
            // Pieces from files of JSON are never cut inside a character; these neither.
            let end = Math.min(json.length, cut);
            if (end > 0 && /[\ud800-\udbff]/.test(json[end - 1] as string)) end -= 1;
            if (end > at) yield json.slice(at, end);
            at = Math.max(at, end);
          }
          if (at < json.length) yield json.slice(at);
        }
        const parts: string[] = [];
        for await (const part of manifestPartsOf(pieces(), size)) parts.push(part);
        expect(parts).toEqual(manifestParts(json, size));
        expect(parts.join("")).toBe(json);
      }),
      { numRuns: 300 },
    );
  });
});
