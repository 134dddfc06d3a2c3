// next-auth 4 for the console: username + password (Credentials), a JWT session of 8 hours that the
// open console renews, and the ids the guard re-checks in the database on every request.
import type { NextAuthOptions } from "next-auth";
import CredentialsModule from "next-auth/providers/credentials";
import { isValidTimeZone } from "@/lib/time/zoned";
import { TIME_ZONE_COOKIE } from "@/lib/time/time-zone-cookie";
import { sameSiteRedirect } from "./callback-url";
import { authorizeCredentials, SignInError } from "./authorize";
import { requestInfo } from "./request-info";
import { authSecret, servedOverHttps } from "./secret";
import { SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS } from "./session-policy";

// next-auth ships CommonJS: bundlers hand over the function, Node's own ESM loader (scripts run
// with tsx, such as the benchmark) the module object holding it as `default`.
const CredentialsProvider = (CredentialsModule as unknown as { default?: typeof CredentialsModule }).default ?? CredentialsModule;

function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  const part = cookieHeader?.split(/;\s*/).find((item) => item.startsWith(`${name}=`));
  if (!part) return undefined;
  try {
    return decodeURIComponent(part.slice(name.length + 1));
  } catch {
    return undefined;
  }
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  // Secure (and __Secure-/__Host- named) cookies exactly when the public URL is https: said here rather
  // than left to next-auth's own reading of NEXTAUTH_URL, so that proxy.ts and the guard read the same name.
  useSecureCookies: servedOverHttps(),
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Username and password",
      credentials: {
        username: { label: "Username", type: "text" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const headers = req.headers as Record<string, string | undefined> | undefined;
        const timeZone = cookieValue(headers?.cookie, TIME_ZONE_COOKIE);
        try {
          return await authorizeCredentials(credentials, {
            ...requestInfo(headers),
            timeZone: timeZone && isValidTimeZone(timeZone) ? timeZone : undefined,
          });
        } catch (error) {
          if (error instanceof SignInError) throw error;
          console.error("Console sign-in failed:", error);
          throw new Error("Signing in failed because of a server error. Try again; if it persists, check the server log.");
        }
      },
    }),
  ],
  callbacks: {
    async redirect({ url, baseUrl }) {
      return sameSiteRedirect(url, baseUrl);
    },
    async jwt({ token, user }) {
      if (user) {
        token.sub = String(user.userId);
        token.name = user.name;
        token.userId = user.userId;
        token.username = user.username;
        token.role = user.role;
        token.tokenVersion = user.tokenVersion;
        token.sessionId = user.sessionId;
      }
      return token;
    },
    async session({ session, token }) {
      session.user = {
        id: token.userId ?? 0,
        username: token.username ?? "",
        name: token.name ?? token.username ?? "",
        role: token.role ?? "NONE",
      };
      session.claims = { userId: token.userId ?? 0, tokenVersion: token.tokenVersion ?? -1, sessionId: token.sessionId ?? "" };
      return session;
    },
  },
};
