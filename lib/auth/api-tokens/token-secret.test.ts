import { describe, expect, it } from "vitest";
import { credentialsOf, hashTokenSecret, looksLikeTokenSecret, newTokenSecret, shownPrefix } from "./token-secret";

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

describe("API token secrets", () => {
  it("are the prefix and 32 random bytes in base64url, different each time", () => {
    const secrets = new Set(Array.from({ length: 50 }, newTokenSecret));
    expect(secrets.size).toBe(50);
    for (const secret of secrets) {
      expect(looksLikeTokenSecret(secret)).toBe(true);
      expect(Buffer.from(secret.slice(5), "base64url")).toHaveLength(32);
    }
  });

  it("are stored as their SHA-256 and shown by a short prefix only", () => {
    const secret = newTokenSecret();
    expect(hashTokenSecret(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashTokenSecret(secret)).not.toContain(secret.slice(5, 15));
    expect(shownPrefix(secret)).toBe(secret.slice(0, 11));
  });

  it("come as Bearer or as the password of Basic with any username", () => {
    expect(credentialsOf("Bearer acon_x")).toEqual({ kind: "token", secret: "acon_x" });
    expect(credentialsOf("bearer   acon_y ")).toEqual({ kind: "token", secret: "acon_y" });
    expect(credentialsOf(basic("jira-client", "acon_z"))).toEqual({ kind: "token", secret: "acon_z" });
    expect(credentialsOf(basic("", "a:b"))).toEqual({ kind: "token", secret: "a:b" });
    expect(credentialsOf(null)).toEqual({ kind: "none" });
  });

  it("say what is wrong with a header that carries none", () => {
    expect(credentialsOf("Bearer")).toMatchObject({ kind: "malformed" });
    expect(credentialsOf(basic("admin", ""))).toMatchObject({ kind: "malformed", reason: expect.stringContaining("password") });
    expect(credentialsOf("Digest abc")).toMatchObject({ kind: "malformed", reason: expect.stringContaining("Digest") });
  });
});
