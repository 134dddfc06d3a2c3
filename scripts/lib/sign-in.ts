// Signs in through next-auth's credentials callback, as the sign-in page does: the session the
// scripts that drive the build as a signed-in browser (bench:export:http, test:load, test:hostile,
// test:faults) send with their requests.

/** The Cookie header of a session of `username` on the console at `url`. */
export async function signIn(url: string, username: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await fetch(`${url}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: header() },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  keep(answer);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error(`signing in as ${username} failed (HTTP ${answer.status})`);
  return header();
}
