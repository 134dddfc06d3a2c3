"use client";
// "Show changes": opens the event's diff (/audit/changes/[id]); from a tab the diff opens over the
// table, elsewhere as its own page. Says which fields changed, so the link is more than a promise.
import Link from "next/link";
import { Anchor, Stack, Text, VisuallyHidden } from "@mantine/core";
import { changesHref } from "@/lib/audit/timeline/entity-paths";

const SHOWN_FIELDS = 3;

export function changedFieldsText(fields: string[]): string {
  const shown = fields.slice(0, SHOWN_FIELDS).join(", ");
  return fields.length > SHOWN_FIELDS ? `${shown} +${fields.length - SHOWN_FIELDS}` : shown;
}

interface ShowChangesLinkProps {
  eventId: string;
  fields: string[];
  /** what the line under the link says instead of the field names: "Tester: Read → None" */
  hint?: string;
  /** what changed, for screen readers: "Alarm late, Work Item Update" */
  context?: string;
}

/** The "Show changes" link of an event, to give it the focus back when its diff closes. */
export function changesOpenerSelector(eventId: string): string {
  return `a[data-changes-opener="${CSS.escape(eventId)}"]`;
}

export function ShowChangesLink({ eventId, fields, hint, context }: ShowChangesLinkProps) {
  const text = hint ?? changedFieldsText(fields);
  return (
    <Stack gap={0} align="flex-start">
      <Anchor component={Link} href={changesHref(eventId)} scroll={false} size="sm" fw={500} underline="hover" data-changes-opener={eventId}>
        Show changes
        {context && <VisuallyHidden> of {context}</VisuallyHidden>}
      </Anchor>
      <Text size="xs" c="dimmed" lineClamp={2} title={text}>
        {text}
      </Text>
    </Stack>
  );
}
