import { createPrivateKey, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyIdOf, openNote, parseVerifierKey, SignedNoteError, signNote, verifierKeyString } from "./signed-note";

// Known answers of Go's golang.org/x/mod/sumdb/note (its package documentation and tests) and of
// the c2sp.org/signed-note specification: an independent implementation must agree byte for byte.
const PETER_SIGNER = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
const PETER_VERIFIER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
const ENOCH_VERIFIER = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_SIGNATURE = "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
const ENOCH_SIGNATURE = "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";
const SPEC_VERIFIER = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
const SPEC_NOTE =
  "This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

/** Go's signer key string holds 0x01 || the Ed25519 seed; PKCS#8 wraps a seed with a fixed prefix. */
function goSignerKey(skey: string) {
  const seed = Buffer.from(skey.split("+").slice(4).join("+"), "base64").subarray(1);
  const pkcs8 = Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), seed]);
  return createPrivateKey({ key: pkcs8, format: "der", type: "pkcs8" });
}

describe("signed note (c2sp.org/signed-note)", () => {
  it("signs exactly as Go's note package does, and derives the same verifier key", () => {
    const key = goSignerKey(PETER_SIGNER);
    expect(signNote(GO_TEXT, "PeterNeumann", key)).toBe(`${GO_TEXT}\n${PETER_SIGNATURE}`);
    expect(verifierKeyString("PeterNeumann", key)).toBe(PETER_VERIFIER);
    expect(keyIdOf("PeterNeumann", parseVerifierKey(PETER_VERIFIER).rawPublicKey)).toBe(0xc74f20a3);
  });

  it("opens the Go and specification notes, keeping signatures by unknown keys apart", () => {
    const both = `${GO_TEXT}\n${PETER_SIGNATURE}${ENOCH_SIGNATURE}`;
    const opened = openNote(both, [parseVerifierKey(PETER_VERIFIER)]);
    expect(opened.text).toBe(GO_TEXT);
    expect(opened.verified.map((s) => s.name)).toEqual(["PeterNeumann"]);
    expect(opened.unverified.map((s) => [s.name, s.keyId])).toEqual([["EnochRoot", 0xaf0cfe78]]);
    expect(openNote(both, [parseVerifierKey(ENOCH_VERIFIER), parseVerifierKey(PETER_VERIFIER)]).verified).toHaveLength(2);
    expect(openNote(SPEC_NOTE, [parseVerifierKey(SPEC_VERIFIER)]).text).toBe("This is an example message.\n");
  });

  it("refuses an altered text, a foreign key and malformed notes", () => {
    const peter = [parseVerifierKey(PETER_VERIFIER)];
    const altered = `${GO_TEXT.replace("answer", "Answer")}\n${PETER_SIGNATURE}`;
    expect(() => openNote(altered, peter)).toThrow(/does not match the note: it was altered/);
    expect(() => openNote(SPEC_NOTE, peter)).toThrow(/no signature by a known key/);
    expect(() => openNote(GO_TEXT, peter)).toThrow(SignedNoteError);
    expect(() => openNote(`${GO_TEXT}\n— PeterNeumann !!!\n`, peter)).toThrow(/malformed signature line/);
    // The same bytes in a non-canonical base64 spelling (trailing bits set) are not accepted.
    const loose = PETER_SIGNATURE.replace("AM=\n", "AN=\n");
    expect(() => openNote(`${GO_TEXT}\n${loose}`, peter)).toThrow(/malformed signature line/);
    expect(() => signNote("two\n\nparagraphs\n", "k", generateKeyPairSync("ed25519").privateKey)).toThrow(/empty line/);
    expect(() => signNote("no newline", "k", generateKeyPairSync("ed25519").privateKey)).toThrow(/end with a newline/);
    expect(() => signNote("a\u0007b\n", "k", generateKeyPairSync("ed25519").privateKey)).toThrow(/control characters/);
  });

  it("refuses verifier keys that are mangled or whose key ID does not match", () => {
    expect(() => parseVerifierKey(PETER_VERIFIER.replace("c74f20a3", "c74f20a4"))).toThrow(/does not match/);
    expect(() => parseVerifierKey(PETER_VERIFIER.replace("PeterNeumann", "Peter"))).toThrow(/does not match/);
    expect(() => parseVerifierKey(PETER_VERIFIER.slice(0, -4))).toThrow(SignedNoteError);
    expect(() => parseVerifierKey("PeterNeumann+c74f20a3")).toThrow(/<name>\+<8 hex digits>/);
    expect(() => verifierKeyString("with space", generateKeyPairSync("ed25519").publicKey)).toThrow(/without spaces/);
  });
});
