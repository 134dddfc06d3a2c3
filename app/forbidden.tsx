import { AccessDenied } from "@/components/console-shell/access-denied";
import { getViewer } from "@/lib/auth/guard";

// 403 for signed-in users without a console role (forbidden() in the console layout and pages).
export default async function Forbidden() {
  const viewer = await getViewer();
  const who = viewer.kind === "forbidden" ? viewer : { displayName: "this account", username: "" };
  return <AccessDenied displayName={who.displayName} username={who.username} />;
}
