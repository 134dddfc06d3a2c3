// For console pages (server components): the guard, answered the way a page should answer it:
// anonymous -> the sign-in page, no console role (or an auditor on an administrator's page) -> 403
// (app/forbidden.tsx). Data functions the page calls still check for themselves; this only turns a
// refusal into a navigation.
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { changePasswordPath, CONSOLE_PATH_HEADER, signInPath } from "./callback-url";
import { getViewer } from "./guard";
import type { Principal } from "./principal";

export async function currentConsolePath(): Promise<string | null> {
  return (await headers()).get(CONSOLE_PATH_HEADER);
}

/** The signed-in ADMIN or AUDITOR, or a redirect to the sign-in page. */
export async function requirePageReader(): Promise<Principal> {
  const viewer = await getViewer();
  if (viewer.kind === "allowed") return viewer.principal;
  if (viewer.kind === "forbidden") forbidden();
  if (viewer.kind === "passwordChange") redirect(changePasswordPath(await currentConsolePath()));
  redirect(signInPath(await currentConsolePath()));
}

/** The signed-in ADMIN: an auditor gets the 403 page, anyone else as requirePageReader. */
export async function requirePageAdmin(): Promise<Principal> {
  const principal = await requirePageReader();
  if (principal.role !== "ADMIN") forbidden();
  return principal;
}
