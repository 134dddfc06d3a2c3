import { AccessDenied } from "@/components/console-shell/access-denied";
import { getViewer } from "@/lib/auth/guard";
import { ROLE_LABELS } from "@/lib/auth/principal";

// 403 (forbidden() in the console layout and pages): for signed-in users without a console role,
// and for auditors on an administrator's page (lib/auth/page-guard.ts).
export default async function Forbidden() {
  const viewer = await getViewer();
  if (viewer.kind === "allowed") {
    const { displayName, username, role } = viewer.principal;
    return <AccessDenied displayName={displayName} username={username} consoleRole={ROLE_LABELS[role]} />;
  }
  const who = viewer.kind === "forbidden" ? viewer : { displayName: "this account", username: "" };
  return <AccessDenied displayName={who.displayName} username={who.username} />;
}
