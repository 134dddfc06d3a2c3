// The diff view's content, for its own page and for the dialog over a table: the event's head and
// its changes. A server component: it reads the event.
import { Divider, Stack } from "@mantine/core";
import type { ChangeView } from "@/lib/audit/diff/change-view";
import { ChangeDiffView } from "./change-diff-view";
import { ChangeEventHeader } from "./change-event-header";

export function ChangeViewPanel({ view, timeZone, headingOrder }: { view: ChangeView; timeZone: string; headingOrder?: 2 | 3 }) {
  return (
    <Stack gap="md">
      <ChangeEventHeader event={view.event} message={view.message} sourceLink={view.sourceLink} timeZone={timeZone} headingOrder={headingOrder} />
      <Divider />
      <ChangeDiffView diff={view.diff} users={view.users} invalid={view.invalid} />
    </Stack>
  );
}
