// The console's public URL, as links in API answers and the OpenAPI document carry it: NEXTAUTH_URL
// (what the console is configured to be reached at, behind any proxy), else the request's own origin.

/** "https://audit.example.com": NEXTAUTH_URL's origin when set and valid, else the request's. */
export function publicOrigin(request: Request): string {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // A malformed setting is the sign-in's problem to report; links fall back to the request.
    }
  }
  return new URL(request.url).origin;
}
