// An API token's secret: a recognisable prefix and 32 random bytes in base64url. Only its SHA-256
// is stored; a secret shown once cannot be shown again. Clients send it as `Authorization: Bearer
// <secret>` or as the password of HTTP Basic (any username), as the clients of Jira's and Sonatype's
// audit APIs do.
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "acon_";
/** prefix + 43 base64url characters of 32 bytes */
const SECRET_PATTERN = /^acon_[A-Za-z0-9_-]{43}$/;
/** how much of a secret the token list shows, to tell tokens apart: "acon_AbCdEf" */
const SHOWN_LENGTH = TOKEN_PREFIX.length + 6;

export function newTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function shownPrefix(secret: string): string {
  return secret.slice(0, SHOWN_LENGTH);
}

export function looksLikeTokenSecret(text: string): boolean {
  return SECRET_PATTERN.test(text);
}

export type Credentials = { kind: "none" } | { kind: "token"; secret: string } | { kind: "malformed"; reason: string };

/** The API token an Authorization header carries, if it carries one. */
export function credentialsOf(authorization: string | null): Credentials {
  if (authorization === null || authorization.trim() === "") return { kind: "none" };
  const [scheme = "", ...rest] = authorization.trim().split(/\s+/);
  const value = rest.join(" ");
  if (scheme.toLowerCase() === "bearer") {
    return value ? { kind: "token", secret: value } : { kind: "malformed", reason: "the Bearer scheme carries no token" };
  }
  if (scheme.toLowerCase() === "basic") {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return { kind: "malformed", reason: "HTTP Basic credentials must be username:password, with the API token as the password" };
    const password = decoded.slice(colon + 1);
    return password ? { kind: "token", secret: password } : { kind: "malformed", reason: "HTTP Basic carries no password: send the API token as the password" };
  }
  return { kind: "malformed", reason: `the ${scheme} scheme is not accepted; send the API token as "Bearer <token>" or as the password of HTTP Basic` };
}
