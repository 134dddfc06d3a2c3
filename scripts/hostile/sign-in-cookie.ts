// A console session for the hostile run's admin requests: next-auth's CSRF token, then its
// credentials callback, as the sign-in page does. (scripts/bench-export-http.ts signs in the same way.)

/** The Cookie header of a session of `username` on the console at `url`. */
export async function signInCookie(url: string, username: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      jar.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
    }
  };
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await fetch(`${url}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, username, password, json: "true" });
  keep(await fetch(`${url}/api/auth/callback/credentials`, { method: "POST", redirect: "manual", headers: { Cookie: cookieHeader() }, body: form }));
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error(`signing in as ${username} at ${url} failed`);
  return cookieHeader();
}
