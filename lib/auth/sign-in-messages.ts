// What the sign-in page says for the error codes next-auth (and the console) put in a URL or a
// signIn() result. Free text from a URL is never shown: a crafted link could make the page say anything.

export const SIGN_IN_ERROR_CODES: Record<string, string> = {
  CredentialsSignin: "Invalid username or password.",
  AccessDenied: "Your account has no access to the Audit Console. Sign in as a system administrator or an auditor.",
  SessionRequired: "Sign in to continue.",
  Configuration: "Signing in is not configured correctly on the server. Ask the console's administrator to check the server log.",
};

export function messageForErrorCode(code: string): string {
  return SIGN_IN_ERROR_CODES[code] ?? "Signing in failed. Try again.";
}
