"use client";
// One group of event type switches (Login, Work Item, ...): the switches, how many are on, All on /
// All off, and per type what was dropped, what is unsaved, and where it differs from the file.
import { Badge, Button, Divider, Group, Paper, Stack, Switch, Text } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import type { CoverageEntry } from "@/lib/audit/config/coverage";
import { formatCount } from "@/lib/audit/search/list-result";
import type { AuditEventType } from "@/lib/generated/prisma/enums";
import { formatDateTime, zoneName } from "@/lib/time/zoned";
import type { Switches } from "./coverage-form";
import classes from "./coverage-group.module.css";

interface CoverageGroupProps {
  label: string;
  entries: CoverageEntry[];
  values: Switches;
  saved: Switches;
  canEdit: boolean;
  timeZone: string;
  onChange: (types: AuditEventType[], enabled: boolean) => void;
}

const onOff = (enabled: boolean | undefined) => (enabled ? "on" : "off");
const notesId = (type: AuditEventType) => `coverage-notes-${type}`;

/** Notes under a switch, as lines of spans: Mantine puts the description in a paragraph. */
function SwitchNotes({ entry, value, saved, timeZone }: { entry: CoverageEntry; value: boolean; saved: boolean; timeZone: string }) {
  const line = { display: "block" } as const;
  const notes = [];
  if (entry.locked) {
    notes.push(
      <Text key="locked" span size="xs" c="dimmed" style={line}>
        Always audited
      </Text>,
    );
  }
  if (value !== saved) {
    notes.push(
      <Text key="unsaved" span size="xs" c="blue.8" fw={600} style={line}>
        Unsaved: switch {onOff(value)}
      </Text>,
    );
  } else if (!entry.locked && saved !== entry.defaultEnabled) {
    notes.push(
      <Text key="default" span size="xs" c="dimmed" style={line}>
        File default: {onOff(entry.defaultEnabled)}
      </Text>,
    );
  }
  if (entry.dropped > 0) {
    const last = entry.lastDroppedAt ? `, last ${formatDateTime(entry.lastDroppedAt, timeZone)} ${zoneName(entry.lastDroppedAt, timeZone)}` : "";
    notes.push(
      <Text key="dropped" span size="xs" c="orange.9" style={line} title={`Events of this type not stored because it was switched off${last}`}>
        {formatCount(entry.dropped)} dropped{last}
      </Text>,
    );
  }
  return notes.length > 0 ? <span id={notesId(entry.eventType)}>{notes}</span> : null;
}

export function CoverageGroup({ label, entries, values, saved, canEdit, timeZone, onChange }: CoverageGroupProps) {
  const locked = entries.every((entry) => entry.locked);
  const on = entries.filter((entry) => values[entry.eventType]).length;
  const types = entries.filter((entry) => !entry.locked).map((entry) => entry.eventType);
  const dropped = entries.reduce((sum, entry) => sum + entry.dropped, 0);
  const headingId = `coverage-group-${label.replace(/\W+/g, "-").toLowerCase()}`;

  return (
    <Paper withBorder radius="md" p="sm" role="group" aria-labelledby={headingId} bg={locked ? "gray.0" : undefined}>
      <Stack gap="xs">
        <Group justify="space-between" gap={6} wrap="nowrap" align="flex-start">
          <div>
            <Text fw={600} id={headingId}>
              {label}
            </Text>
            <Text size="xs" c="dimmed">
              {locked ? "The console's own actions" : `${on} of ${entries.length} audited`}
              {dropped > 0 && ` · ${formatCount(dropped)} dropped`}
            </Text>
          </div>
          {locked ? (
            <Badge variant="light" color="gray" tt="none" style={{ flexShrink: 0 }} leftSection={<IconLock size={12} aria-hidden />}>
              Always on
            </Badge>
          ) : (
            <Button.Group>
              <Button
                size="compact-xs"
                variant="default"
                disabled={!canEdit || on === entries.length}
                onClick={() => onChange(types, true)}
                aria-label={`All on: switch every ${label} event type on`}
              >
                All on
              </Button>
              <Button
                size="compact-xs"
                variant="default"
                disabled={!canEdit || on === 0}
                onClick={() => onChange(types, false)}
                aria-label={`All off: switch every ${label} event type off`}
              >
                All off
              </Button>
            </Button.Group>
          )}
        </Group>
        <Divider />
        {entries.map((entry) => {
          const value = values[entry.eventType] ?? entry.enabled;
          const wasSaved = saved[entry.eventType] ?? entry.enabled;
          const noted = entry.locked || value !== wasSaved || wasSaved !== entry.defaultEnabled || entry.dropped > 0;
          return (
            <Switch
              key={entry.eventType}
              label={entry.label}
              // The whole switch is one <label>: name it by the type alone, and let the notes describe it.
              aria-label={entry.label}
              aria-describedby={noted ? notesId(entry.eventType) : undefined}
              checked={value}
              onChange={(event) => onChange([entry.eventType], event.currentTarget.checked)}
              disabled={!canEdit || entry.locked}
              description={noted ? <SwitchNotes entry={entry} value={value} saved={wasSaved} timeZone={timeZone} /> : undefined}
              size="sm"
              onLabel="ON"
              offLabel="OFF"
              classNames={{ input: classes.input, track: classes.track, label: classes.label }}
              styles={{ body: { alignItems: "flex-start" } }}
            />
          );
        })}
        {locked && (
          <Text size="xs" c="dimmed">
            Configuration changes, exports and purges are always recorded, so that a change to auditing never goes unrecorded.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
