import { beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/auth/api-tokens/api-tokens";
import type { Principal } from "@/lib/auth/principal";
import { runAs } from "@/lib/auth/principal-context";
import { recordEvent } from "@/lib/audit/events/record-event";
import { runCheckpoint } from "@/lib/audit/integrity/checkpoint-job";
import { checkpointAnswerSchema, consistencyAnswerSchema, inclusionAnswerSchema, publicKeyAnswerSchema } from "@/lib/audit/integrity/log-api-docs";
import { logSigningKey } from "@/lib/audit/integrity/log-key";
import { useAppDatabase } from "@/lib/test/app-database";
import { testDatabases } from "@/lib/test/databases";
import { deleteEvents } from "@/lib/test/delete-events";
import { checkpointSignedBy, consistent, rootFromPath, sha256 } from "@/lib/test/independent-verifier";
import * as checkpointsRoute from "../checkpoints/route";
import * as latestRoute from "../checkpoints/latest/route";
import * as publicKeyRoute from "../checkpoints/public-key/route";
import * as consistencyRoute from "./consistency/route";
import * as inclusionRoute from "./inclusion/route";

// What an auditor's own tool does with the API: fetch the public key anonymously, the checkpoints
// and proofs with a read token, and check them with code of its own (lib/test/independent-verifier.ts),
// not the console's.
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

const ADMIN: Principal = { userId: null, username: "test-admin", displayName: "Test Admin", role: "ADMIN", sessionId: null };
const b64 = (text: string) => Buffer.from(text, "base64");

function request(path: string, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost:8070${path}`, { headers });
}

describe.each(testDatabases())("the Merkle log's API on $name", ({ open }) => {
  const fixture = useAppDatabase(open);
  let auth: Record<string, string>;
  let sizes: number[];

  beforeAll(async () => {
    await deleteEvents(fixture.db);
    sizes = [];
    // Three checkpoints of odd sizes, so that proofs take every branch of the algorithms.
    for (const count of [5, 300, 37]) {
      for (let i = 0; i < count; i++) await recordEvent({ eventType: "USER_LOGIN", actor: { id: i, name: `user${i}` }, message: `login ${i}` });
      sizes.push((await runCheckpoint(fixture.db, logSigningKey())).checkpoint.treeSize);
    }
    // Made after the checkpoints: its own Console event waits for the next one.
    const read = await runAs(ADMIN, () => createApiToken({ name: `read-${Math.random()}`, source: "auditor", scopes: ["read"], expiresInDays: 30 }));
    auth = { authorization: `Bearer ${read.secret}` };
  });

  it("serves the public key to anyone, as text and as JSON, cacheable", async () => {
    const text = await publicKeyRoute.GET(request("/api/audit/checkpoints/public-key"));
    expect(text.status).toBe(200);
    expect(text.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(text.headers.get("cache-control")).toMatch(/public, max-age=\d+/);
    expect((await text.text()).trim()).toBe(logSigningKey().verifierKey);
    const json = await publicKeyRoute.GET(request("/api/audit/checkpoints/public-key?format=json"));
    expect(publicKeyAnswerSchema.strict().parse(await json.json())).toEqual({
      origin: "audit-console.local/audit-log",
      verifierKey: logSigningKey().verifierKey,
      algorithm: "Ed25519",
    });
    const bad = await publicKeyRoute.GET(request("/api/audit/checkpoints/public-key?format=pem"));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: "invalid_input", field: "format" });
  });

  it("serves the latest checkpoint with a signature that checks with the public key alone", async () => {
    const verifierKey = await (await publicKeyRoute.GET(request("/api/audit/checkpoints/public-key"))).text();
    const answer = await latestRoute.GET(request("/api/audit/checkpoints/latest", auth));
    expect(answer.status).toBe(200);
    const latest = checkpointAnswerSchema.strict().parse(await answer.json());
    expect(latest.treeSize).toBe(sizes.at(-1));
    expect(checkpointSignedBy(latest.checkpoint, verifierKey)).toEqual({
      origin: "audit-console.local/audit-log",
      size: latest.treeSize,
      root: b64(latest.rootHash),
    });
    // One changed character and the signature no longer holds.
    expect(checkpointSignedBy(latest.checkpoint.replace(`\n${latest.treeSize}\n`, `\n${latest.treeSize + 1}\n`), verifierKey)).toBeNull();
    // Older checkpoints: by size, and listed newest first.
    const first = checkpointAnswerSchema.parse(await (await checkpointsRoute.GET(request(`/api/audit/checkpoints?size=${sizes[0]}`, auth))).json());
    expect(checkpointSignedBy(first.checkpoint, verifierKey)?.size).toBe(5);
    const page = await (await checkpointsRoute.GET(request("/api/audit/checkpoints?limit=2", auth))).json();
    expect(page.checkpoints.map((c: { treeSize: number }) => c.treeSize)).toEqual([342, 305]);
    const rest = await (await checkpointsRoute.GET(request(`/api/audit/checkpoints?limit=2&before=${page.nextBefore}`, auth))).json();
    expect(rest).toMatchObject({ checkpoints: [{ treeSize: 5 }], nextBefore: null });
  });

  it("proves an event's inclusion in a checkpoint, checked by an independent verifier", async () => {
    const verifierKey = logSigningKey().verifierKey;
    for (const [seq, size] of [
      [0, 5],
      [4, 5],
      [4, 342],
      [255, 342],
      [256, 305],
      [341, 342],
    ] as const) {
      const answer = await inclusionRoute.GET(request(`/api/audit/proofs/inclusion?seq=${seq}&size=${size}`, auth));
      expect(answer.status, `seq ${seq}, size ${size}`).toBe(200);
      const proof = inclusionAnswerSchema.strict().parse(await answer.json());
      expect(proof).toMatchObject({ tree_size: size, leaf_index: seq });
      const signed = checkpointSignedBy(proof.checkpoint.checkpoint, verifierKey);
      const root = rootFromPath(b64(proof.leaf_hash), seq, size, proof.inclusion_path.map(b64));
      expect(root && signed && root.equals(signed.root) && signed.size === size, `seq ${seq}, size ${size}`).toBe(true);
      // The leaf is the event the proof names, as stored.
      const [leaf] = await fixture.db.query<{ eventId: string }>(`SELECT "eventId"::text AS "eventId" FROM "AuditLeaf" WHERE "seq" = $1`, [seq]);
      expect(proof.event_id).toBe(leaf?.eventId);
      // A proof for another leaf does not fit.
      expect(rootFromPath(sha256(Buffer.from("forged")), seq, size, proof.inclusion_path.map(b64))?.equals(signed?.root as Buffer)).toBe(false);
    }
  });

  it("proves each checkpoint extends the earlier ones, checked by an independent verifier", async () => {
    const verifierKey = logSigningKey().verifierKey;
    for (const [from, to] of [
      [5, 305],
      [305, 342],
      [5, 342],
      [342, 342],
      [0, 5],
    ] as const) {
      const answer = await consistencyRoute.GET(request(`/api/audit/proofs/consistency?from=${from}&to=${to}`, auth));
      expect(answer.status, `${from} to ${to}`).toBe(200);
      const proof = consistencyAnswerSchema.strict().parse(await answer.json());
      expect(proof).toMatchObject({ tree_size_1: from, tree_size_2: to });
      const newer = checkpointSignedBy(proof.checkpoint_2.checkpoint, verifierKey);
      expect(newer?.size).toBe(to);
      if (from === 0) {
        expect(proof).toMatchObject({ consistency_path: [], checkpoint_1: null });
        continue;
      }
      const older = checkpointSignedBy(proof.checkpoint_1?.checkpoint ?? "", verifierKey);
      expect(older?.size).toBe(from);
      const path = proof.consistency_path.map(b64);
      expect(consistent(from, to, older?.root as Buffer, newer?.root as Buffer, path), `${from} to ${to}`).toBe(true);
      if (path.length > 0) expect(consistent(from, to, older?.root as Buffer, sha256(Buffer.from("other")), path)).toBe(false);
    }
  });

  it.each([
    ["/api/audit/proofs/inclusion?size=5", "seq", /seq: is required/],
    ["/api/audit/proofs/inclusion?seq=1", "size", /size: is required/],
    ["/api/audit/proofs/inclusion?seq=-1&size=5", "seq", /whole number/],
    ["/api/audit/proofs/inclusion?seq=1.5&size=5", "seq", /whole number/],
    ["/api/audit/proofs/inclusion?seq=abc&size=5", "seq", /whole number/],
    ["/api/audit/proofs/inclusion?seq=99999999999999999999&size=5", "seq", /whole number/],
    ["/api/audit/proofs/inclusion?seq=5&size=5", "seq", /must be below size/],
    ["/api/audit/proofs/inclusion?seq=1&size=6", "size", /no checkpoint has the tree size 6.*the newest is 342/],
    ["/api/audit/proofs/inclusion?seq=1&seq=2&size=5", "seq", /given 2 times/],
    ["/api/audit/proofs/consistency?from=305&to=5", "from", /must not be larger than to/],
    ["/api/audit/proofs/consistency?from=6&to=305", "from", /no checkpoint has the tree size 6/],
    ["/api/audit/proofs/consistency?from=5&to=306", "to", /no checkpoint has the tree size 306/],
    ["/api/audit/proofs/consistency?from=5", "to", /to: is required/],
    ["/api/audit/checkpoints?size=7", "size", /no checkpoint has the tree size 7/],
    ["/api/audit/checkpoints?limit=0", "limit", /from 1 to 1000/],
  ])("%s answers 400 naming %s", async (path, field, message) => {
    const route = path.includes("inclusion") ? inclusionRoute : path.includes("consistency") ? consistencyRoute : checkpointsRoute;
    const answer = await route.GET(request(path, auth));
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ error: { code: "invalid_input", field, message: expect.stringMatching(message) } });
  });

  it("answers 401 without credentials, 403 to a token without the read scope, and 405 to a change", async () => {
    for (const route of [latestRoute, checkpointsRoute, inclusionRoute, consistencyRoute]) {
      const answer = await route.GET(request("/api/audit/proofs/inclusion?seq=0&size=5"));
      expect(answer.status).toBe(401);
      expect((await answer.json()).error.code).toBe("unauthenticated");
    }
    const ingest = await runAs(ADMIN, () => createApiToken({ name: `ingest-${Math.random()}`, source: "alm", scopes: ["ingest"], expiresInDays: 30 }));
    const refused = await inclusionRoute.GET(request("/api/audit/proofs/inclusion?seq=0&size=5", { authorization: `Bearer ${ingest.secret}` }));
    expect(refused.status).toBe(403);
    expect((await inclusionRoute.POST(new Request("http://localhost:8070/api/audit/proofs/inclusion", { method: "POST" }))).status).toBe(405);
    expect((await publicKeyRoute.POST(new Request("http://localhost:8070/api/audit/checkpoints/public-key", { method: "POST" }))).status).toBe(405);
  });
});
