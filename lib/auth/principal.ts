// Who is acting in the console: the signed-in user as the guard has verified them.

/** The console roles that may enter the console. NONE signs in but sees the 403 page. */
export type ConsoleAccessRole = "ADMIN" | "AUDITOR";

export interface Principal {
  /** the console account; null for an API token */
  userId: number | null;
  username: string;
  displayName: string;
  role: ConsoleAccessRole;
  /** the ConsoleSession behind the request; null for scripts and jobs running under runAs */
  sessionId: string | null;
  /** the API token a call came with (lib/auth/api-tokens): read rights only, within its source */
  apiToken?: { id: number; name: string; source: string };
}

export const ROLE_LABELS: Record<ConsoleAccessRole, string> = {
  ADMIN: "Administrator",
  AUDITOR: "Auditor",
};

export function isConsoleAccessRole(role: string): role is ConsoleAccessRole {
  return role === "ADMIN" || role === "AUDITOR";
}
