import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readVerifierKey } from "./log-key";
import { loadOrCreateSigningKey, SIGNING_KEY_FILE } from "./signing-key";

// What `npm run verify -- --key` accepts: the key string, a file holding it, or the signing key itself.
describe("the verifier key a verifier is given", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "verifier-key-"));
  const key = loadOrCreateSigningKey(dir, "audit.example.com/audit-log");

  it("is the key string, a file holding it, or the PEM signing key's public half", () => {
    expect(readVerifierKey(` ${key.verifierKey}\n`)).toBe(key.verifierKey);
    const file = path.join(dir, "public.key");
    writeFileSync(file, `${key.verifierKey}\n`);
    expect(readVerifierKey(file)).toBe(key.verifierKey);
    expect(readVerifierKey(path.join(dir, SIGNING_KEY_FILE), key.name)).toBe(key.verifierKey);
  });

  it("refuses a key whose id does not match, and names what it was given otherwise", () => {
    const forged = key.verifierKey.replace(/\+[0-9a-f]{8}\+/, "+00000000+");
    expect(() => readVerifierKey(forged)).toThrow(/--key: the verifier key's ID 00000000 does not match/);
    expect(() => readVerifierKey("no-such-file")).toThrow(/--key: "no-such-file" is neither a verifier key .* nor a file/);
    const junk = path.join(dir, "junk.txt");
    writeFileSync(junk, "hello\n");
    expect(() => readVerifierKey(junk)).toThrow(/verifier key reads/);
  });
});
