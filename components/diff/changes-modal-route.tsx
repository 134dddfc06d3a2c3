// /audit/changes/[id] intercepted by a tab's @modal slot: the same diff as the page, in a dialog
// over the table. Guarded like any page; an unknown id says so inside the dialog.
import { Text } from "@mantine/core";
import { requirePageReader } from "@/lib/auth/page-guard";
import { getChangeView } from "@/lib/audit/diff/change-view";
import { changesHref } from "@/lib/audit/timeline/entity-paths";
import { getAdminTimeZone } from "@/lib/time/admin-time-zone";
import { ChangeViewPanel } from "./change-view-panel";
import { ChangesModal } from "./changes-modal";

export async function ChangesModalRoute({ params }: { params: Promise<{ id: string }> }) {
  await requirePageReader();
  const { id } = await params;
  const [view, timeZone] = await Promise.all([getChangeView(id), getAdminTimeZone()]);
  const href = changesHref(id);
  if (!view) {
    return (
      <ChangesModal eventId={id} title="No such event" pageHref={href}>
        <Text size="sm">There is no audit event with this id.</Text>
      </ChangesModal>
    );
  }
  return (
    <ChangesModal eventId={id} title={`Changes: ${view.event.label}`} pageHref={href}>
      <ChangeViewPanel view={view} timeZone={timeZone} headingOrder={3} />
    </ChangesModal>
  );
}
