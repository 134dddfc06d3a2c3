"use client";
// Who did what, where and when: the head of the diff view.
import { Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { DateTimeText, EventTypeBadge } from "@/components/data-table/data-table-cells";
import { EntityLink } from "@/components/data-table/entity-link";
import { SourceSystemLink } from "@/components/source-system-link";
import { UserName } from "@/components/user-name";
import type { SourceLink } from "@/lib/audit/events/source-links";
import type { EventRow } from "@/lib/audit/events/event-rows";
import type { EventMessage } from "@/lib/audit/events/message";

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase">
        {term}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </div>
  );
}

const KIND_WORDS = { WORK_ITEM: "Work item", ARTIFACT: "Artifact" } as const;

interface ChangeEventHeaderProps {
  event: EventRow;
  message: EventMessage;
  /** "Open in the source system", when the event's source has a link template */
  sourceLink?: SourceLink | null;
  timeZone: string;
  /** the heading level: 2 on the diff's own page (under the Audit title), 3 in the dialog */
  headingOrder?: 2 | 3;
}

export function ChangeEventHeader({ event, message, sourceLink = null, timeZone, headingOrder = 2 }: ChangeEventHeaderProps) {
  const kind = event.artifact?.kind ? KIND_WORDS[event.artifact.kind] : null;
  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap" align="center">
        <EventTypeBadge type={event.eventType} />
        <Title order={headingOrder} size="h3">
          {event.artifact ? <EntityLink kind="artifact" entity={event.artifact} size="xl" /> : event.label}
        </Title>
        {kind && (
          <Text span size="sm" c="dimmed">
            {kind}
          </Text>
        )}
        {sourceLink && <SourceSystemLink link={sourceLink} />}
      </Group>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" verticalSpacing="xs" m={0}>
        <Item term="By">
          <UserName user={event.actor} />
        </Item>
        <Item term="When">
          <DateTimeText value={event.createdAt} timeZone={timeZone} />
        </Item>
        <Item term="Where">
          <EntityLink kind="project" entity={event.project} />
          {event.tracker && (
            <>
              {" / "}
              <EntityLink kind="tracker" entity={event.tracker} />
            </>
          )}
        </Item>
        {event.targetUser ? (
          <Item term="Target user">
            <UserName user={event.targetUser} />
          </Item>
        ) : (
          <Item term="Event">#{event.id}</Item>
        )}
      </SimpleGrid>
      {message.kind === "text" && (
        <Text size="sm" c="dimmed">
          Message: {message.text}
        </Text>
      )}
    </Stack>
  );
}
