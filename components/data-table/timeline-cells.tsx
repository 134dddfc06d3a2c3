"use client";
// The cells of an entity's timeline: what else the event names (Details) and what it changed.
import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import Link from "next/link";
import { UserName } from "@/components/user-name";
import { changesHref } from "@/lib/audit/timeline/entity-paths";
import type { TimelineRow } from "@/lib/audit/timeline/entity-timeline";
import type { TimelineKind } from "@/lib/audit/timeline/timeline-filters";
import { EntityLink } from "./entity-link";
import { useHrefWithBack } from "./use-href-with-back";

const SHOWN_LINES = 4;

/** The places and people an event names, leaving out the timeline's own subject. */
export function TimelineDetails({ row, subject }: { row: TimelineRow; subject: TimelineKind }) {
  const places = [
    subject !== "project" && row.project ? <EntityLink key="project" kind="project" entity={row.project} /> : null,
    subject !== "tracker" && row.tracker ? <EntityLink key="tracker" kind="tracker" entity={row.tracker} /> : null,
    subject !== "artifact" && row.artifact ? <EntityLink key="artifact" kind="artifact" entity={row.artifact} /> : null,
  ].filter(Boolean);
  const other =
    subject === "user"
      ? row.role === "Target"
        ? { label: "By", user: row.actor }
        : row.targetUser && row.role === "Actor"
          ? { label: "Target", user: row.targetUser }
          : null
      : row.targetUser
        ? { label: "Target", user: row.targetUser }
        : null;
  const nothing = places.length === 0 && !row.message && !other && !(row.category === "LOGIN" && row.ip);
  return (
    <Stack gap={2}>
      {places.length > 0 && (
        <Text size="sm" component="div">
          {places.map((place, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed path (project, tracker): never reordered
            <span key={index}>
              {index > 0 && " / "}
              {place}
            </span>
          ))}
        </Text>
      )}
      {row.message && (
        <Text size="sm" c="dimmed">
          {row.message}
        </Text>
      )}
      {row.category === "LOGIN" && row.ip && (
        <Text size="sm" c="dimmed">
          From{" "}
          <Text span inherit ff="monospace">
            {row.ip}
          </Text>
        </Text>
      )}
      {other && (
        <Group gap={6} wrap="nowrap">
          <Text size="sm">{other.label}:</Text>
          <UserName user={other.user} size="xs" />
        </Group>
      )}
      {nothing && (
        <Text size="sm" c="dimmed">
          —
        </Text>
      )}
    </Stack>
  );
}

/** A line per changed field, and the way to the whole diff. */
export function TimelineChanges({ row }: { row: TimelineRow }) {
  // The diff page's "Back to ..." returns to the tab this entity page came from.
  const diffHref = useHrefWithBack(changesHref(row.id));
  if (row.changeSummary.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  const shown = row.changeSummary.slice(0, SHOWN_LINES);
  const more = row.changeSummary.length - shown.length;
  return (
    <Stack gap={2}>
      <Stack gap={0} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {shown.map((line) => (
          <Text component="li" key={line.field} size="sm" lineClamp={2}>
            <Text span inherit fw={600}>
              {line.field}:
            </Text>{" "}
            {line.text}
          </Text>
        ))}
      </Stack>
      <Group gap="xs">
        <Anchor component={Link} href={diffHref} size="sm" fw={500} underline="hover">
          Show changes
        </Anchor>
        {more > 0 && (
          <Text size="xs" c="dimmed">
            and {more} more {more === 1 ? "field" : "fields"}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

export function RoleBadge({ role }: { role: TimelineRow["role"] }) {
  if (!role) return null;
  return (
    <Badge variant="dot" color={role === "Target" ? "orange" : "indigo"} tt="none">
      {role}
    </Badge>
  );
}
