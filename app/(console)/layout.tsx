import type { ReactNode } from "react";
import { forbidden, redirect } from "next/navigation";
import { ConsoleShell } from "@/components/console-shell/console-shell";
import { IntegrityBanner } from "@/components/console-shell/integrity-banner";
import { integrityAlertFor } from "@/lib/audit/integrity/integrity-check";
import { changePasswordPath, signInPath } from "@/lib/auth/callback-url";
import { getViewer } from "@/lib/auth/guard";
import { currentConsolePath } from "@/lib/auth/page-guard";
import { SESSION_UPDATE_AGE_SECONDS } from "@/lib/auth/session-policy";
import { databaseBusy } from "@/lib/api/refusals";
import { getDb } from "@/lib/db";
import { unavailablePath } from "@/lib/http/database-unavailable";
import { getAdminTimeZone, getBrowserTimeZone, prefersUtcTimes } from "@/lib/time/admin-time-zone";
import { formatOffset, zoneName } from "@/lib/time/zoned";

// The console's frame. Who may see what is decided again in every page and data function: this
// layout does not re-render on navigation between console pages.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const frame = await frameOrTrouble();
  // The session cannot be checked: a page of its own says so with 503 (lib/http/database-unavailable.ts).
  if (!frame) redirect(unavailablePath(await currentConsolePath()));
  const { viewer, timeZone, browserZone, utcTimes, account, integrityAlert } = frame;
  if (viewer.kind === "anonymous") redirect(signInPath(await currentConsolePath()));
  if (viewer.kind === "forbidden") forbidden();
  if (viewer.kind === "passwordChange") redirect(changePasswordPath(await currentConsolePath()));

  const { principal } = viewer;
  const now = new Date();
  const zone = zoneName(now, timeZone);
  const offset = formatOffset(now, timeZone);
  return (
    <ConsoleShell
      user={{ username: principal.username, displayName: principal.displayName, role: principal.role, avatarUrl: account?.avatarUrl ?? null }}
      timeZone={timeZone}
      timeZoneLabel={zone === "UTC" || zone.startsWith("GMT") ? offset : `${zone} (${offset})`}
      browserZone={browserZone}
      utcTimes={utcTimes}
      sessionRefreshSeconds={SESSION_UPDATE_AGE_SECONDS}
      banner={integrityAlert && <IntegrityBanner check={integrityAlert} timeZone={timeZone} />}
    >
      {children}
    </ConsoleShell>
  );
}

/** Who is looking and what the frame shows, or null when the database does not answer. */
async function frameOrTrouble() {
  try {
    const viewer = await getViewer();
    const userId = viewer.kind === "allowed" ? viewer.principal.userId : null;
    const [timeZone, browserZone, utcTimes, account, integrityAlert] = await Promise.all([
      getAdminTimeZone(),
      getBrowserTimeZone(),
      prefersUtcTimes(),
      userId === null ? null : getDb().prisma.user.findUnique({ where: { id: userId }, select: { avatarUrl: true } }),
      viewer.kind === "allowed" ? integrityAlertFor(viewer.principal) : null,
    ]);
    return { viewer, timeZone, browserZone, utcTimes, account, integrityAlert };
  } catch (error) {
    if (databaseBusy(error)) return null;
    throw error;
  }
}
