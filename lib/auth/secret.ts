// The key that signs and encrypts session tokens. Production requires NEXTAUTH_SECRET; development
// and tests fall back to a fixed key, loudly, so that a fresh clone runs `next dev` as is.

const DEVELOPMENT_SECRET = "audit-console-development-secret-do-not-use-in-production";

let warned = false;

export function authSecret(): string | undefined {
  const configured = process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET;
  if (configured) return configured;
  if (process.env.NODE_ENV === "production") return undefined;
  if (!warned && process.env.NODE_ENV !== "test") {
    warned = true;
    console.warn("NEXTAUTH_SECRET is not set: using a fixed development secret. Set NEXTAUTH_SECRET before serving real users.");
  }
  return DEVELOPMENT_SECRET;
}

/** Whether the console's public URL (NEXTAUTH_URL) is https: its cookies are then Secure and its pages send HSTS. */
export function servedOverHttps(): boolean {
  return process.env.NEXTAUTH_URL?.startsWith("https://") ?? false;
}

/** The sign-in cookie's name, as next-auth picks it: __Secure- when the console is served over HTTPS. */
export function sessionCookieName(): string {
  return servedOverHttps() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}
