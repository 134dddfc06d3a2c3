// What an auditor would run (lib/test/independent-verifier.ts: the RFCs over node:crypto alone)
// accepts what production makes, and notices a change (the Tests section).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkpointSignedBy, rootFromPath, sha256 } from "@/lib/test/independent-verifier";
import { canonicalJsonBytes } from "./canonical-json";
import { signCheckpoint } from "./checkpoint";
import { inclusionProof, leafHash, MerkleAppender, type SubtreeLookup } from "./merkle";
import { loadOrCreateSigningKey } from "./signing-key";

const dir = mkdtempSync(path.join(tmpdir(), "integrity-independent-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("an independent verifier accepts what production makes", () => {
  // Events as a verifier would read them back, hashed as the log hashes them.
  const events = Array.from({ length: 1000 }, (_, seq) => ({
    seq,
    eventType: seq % 3 === 0 ? "USER_LOGIN" : "WORK_ITEM_UPDATE",
    message: `event ${seq} by Zoë`,
    createdAt: new Date(Date.UTC(2026, 10, 1, 0, 0, seq)).toISOString(),
    changes: seq % 2 ? [{ field: "status", old: "Open", new: "Done" }] : null,
  }));
  const leaves = events.map((event) => leafHash(canonicalJsonBytes(event)));
  const appender = new MerkleAppender(0, [], 0);
  for (const leaf of leaves) appender.append(leaf);
  const stored = new Map(appender.drainCompleted().map((s) => [`${s.level}:${s.index}`, s.hash]));
  const lookup: SubtreeLookup = ({ level, index }) => stored.get(`${level}:${index}`) as Buffer;
  const key = loadOrCreateSigningKey(dir, "audit.example.com/audit-log");
  const note = signCheckpoint(
    { origin: key.name, treeSize: events.length, rootHash: appender.root(), time: new Date(), extensions: [] },
    key.name,
    key.privateKey,
  );

  it("checks the checkpoint's signature and every sampled event's inclusion proof", () => {
    const checkpoint = checkpointSignedBy(note, key.verifierKey);
    expect(checkpoint?.size).toBe(1000);
    for (const seq of [0, 1, 499, 511, 512, 998, 999]) {
      const leaf = sha256(Buffer.from([0]), Buffer.from(JSON.stringify(sortKeys(events[seq])), "utf8"));
      const root = rootFromPath(leaf, seq, 1000, inclusionProof(seq, 1000, lookup));
      expect(root?.equals(checkpoint?.root as Buffer), `event ${seq}`).toBe(true);
    }
  });

  it("notices an altered event, an altered checkpoint and another key", () => {
    const altered = { ...events[42], message: "event 42 by Zoe" };
    const leaf = sha256(Buffer.from([0]), Buffer.from(JSON.stringify(sortKeys(altered)), "utf8"));
    const root = rootFromPath(leaf, 42, 1000, inclusionProof(42, 1000, lookup));
    expect(root?.equals(appender.root())).toBe(false);
    expect(checkpointSignedBy(note.replace("\n1000\n", "\n1001\n"), key.verifierKey)).toBeNull();
    const other = loadOrCreateSigningKey(mkdtempSync(path.join(dir, "other-")), key.name);
    expect(checkpointSignedBy(note, other.verifierKey)).toBeNull();
  });
});

/** The verifier's own canonical form for these ASCII-keyed, integer-valued events. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
