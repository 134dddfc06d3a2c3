import type { ReactNode } from "react";
import { forbidden, redirect } from "next/navigation";
import { ConsoleShell } from "@/components/console-shell/console-shell";
import { signInPath } from "@/lib/auth/callback-url";
import { getViewer } from "@/lib/auth/guard";
import { currentConsolePath } from "@/lib/auth/page-guard";
import { SESSION_UPDATE_AGE_SECONDS } from "@/lib/auth/session-policy";
import { getDb } from "@/lib/db";
import { getAdminTimeZone, getBrowserTimeZone, prefersUtcTimes } from "@/lib/time/admin-time-zone";
import { formatOffset, zoneName } from "@/lib/time/zoned";

// The console's frame. Who may see what is decided again in every page and data function: this
// layout does not re-render on navigation between console pages.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  if (viewer.kind === "anonymous") redirect(signInPath(await currentConsolePath()));
  if (viewer.kind === "forbidden") forbidden();

  const { principal } = viewer;
  const [timeZone, browserZone, utcTimes, account] = await Promise.all([
    getAdminTimeZone(),
    getBrowserTimeZone(),
    prefersUtcTimes(),
    principal.userId === null ? null : getDb().prisma.user.findUnique({ where: { id: principal.userId }, select: { avatarUrl: true } }),
  ]);
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
    >
      {children}
    </ConsoleShell>
  );
}
