// What the console keeps in next-auth's JWT and session (see auth-options.ts).
import type { ConsoleRole } from "@/lib/generated/prisma/enums";
import type { SessionClaims } from "./guard";

declare module "next-auth" {
  interface User {
    userId: number;
    username: string;
    name: string;
    role: ConsoleRole;
    tokenVersion: number;
    sessionId: string;
  }

  interface Session {
    user: { id: number; username: string; name: string; role: ConsoleRole };
    /** checked against the database by the guard on every request */
    claims: SessionClaims;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId?: number;
    username?: string;
    role?: ConsoleRole;
    tokenVersion?: number;
    sessionId?: string;
  }
}
