// Cells more than one list shows: the event type as a colored badge, an instant in the admin's time
// zone with the zone named, and where an event came from. No hooks: usable in server and client components.
import { Badge, Text } from "@mantine/core";
import type { AuditEventType } from "@/lib/generated/prisma/enums";
import { eventTypeLabel } from "@/lib/audit/events/event-types";
import { sourceLabel } from "@/lib/audit/events/sources";
import { formatDateTime, zoneName } from "@/lib/time/zoned";

/** One color per kind of action, the same on every tab. */
const ACTION_COLORS: Array<[suffix: string, color: string]> = [
  ["SYSTEM_LOGOUT", "orange"],
  ["LOGOUT", "gray"],
  ["LOGIN", "green"],
  ["CREATE", "teal"],
  ["UPDATE", "blue"],
  ["REMOVE", "orange"],
  ["DELETE", "red"],
  ["RESTORE", "cyan"],
  ["ASSIGN", "indigo"],
  ["DISABLE", "red"],
  ["ENABLE", "green"],
  ["EXPORT", "violet"],
  ["PURGE", "red"],
  ["CHANGE", "grape"],
];

export function eventTypeColor(type: AuditEventType): string {
  return ACTION_COLORS.find(([suffix]) => type.endsWith(suffix))?.[1] ?? "gray";
}

/** The tint tells the kind of action at a glance; the text stays dark, readable on every tint (WCAG AA). */
export function EventTypeBadge({ type }: { type: AuditEventType }) {
  return (
    <Badge color={eventTypeColor(type)} c="dark.7" variant="light" radius="sm" tt="none" fw={600} style={{ whiteSpace: "nowrap", minWidth: "max-content" }}>
      {eventTypeLabel(type)}
    </Badge>
  );
}

/** "2026-11-23 08:15:02 CET" in a <time> element carrying the exact instant. */
export function DateTimeText({ value, timeZone }: { value: Date; timeZone: string }) {
  return (
    <Text component="time" dateTime={value.toISOString()} size="sm" style={{ fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" }}>
      {formatDateTime(value, timeZone)}{" "}
      <Text span size="xs" c="dimmed">
        {zoneName(value, timeZone)}
      </Text>
    </Text>
  );
}

/** The system an event came from, quietly: "codebeamer-prod", or "Audit Console" for the console's own. Long names end in "…". */
export function SourceText({ source }: { source: string | null }) {
  const label = sourceLabel(source);
  return (
    <Text size="xs" c="dimmed" truncate="end" maw={150} title={label}>
      {label}
    </Text>
  );
}
