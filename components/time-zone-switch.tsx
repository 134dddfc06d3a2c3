"use client";
// The time zone in the header (the menu's on a phone): the zone times are in, and the "Times in UTC" switch, kept in a cookie so
// that every page, the diff view and the exports (which read lib/time/admin-time-zone.ts) follow it. Where the header
// has no room for both (a tablet, a small laptop), a button naming the zone opens them.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button, Group, Popover, Switch, Text, Tooltip } from "@mantine/core";
import { IconWorld } from "@tabler/icons-react";
import { consoleCookie, UTC_TIMES_COOKIE } from "@/lib/time/time-zone-cookie";

interface TimeZoneSwitchProps {
  /** the zone times are in now: "Europe/Berlin", or "UTC" while the switch is on */
  timeZone: string;
  /** "CET (UTC+01:00)" */
  timeZoneLabel: string;
  /** the browser's own zone and its label, named while the switch is on */
  browserZone: string;
  utc: boolean;
}

export function TimeZoneSwitch({ timeZone, timeZoneLabel, browserZone, utc }: TimeZoneSwitchProps) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [checked, setChecked] = useState(utc);
  const toggle = (next: boolean) => {
    setChecked(next);
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from Firefox and Safari
    document.cookie = consoleCookie(UTC_TIMES_COOKIE, next ? "1" : null, location.protocol === "https:");
    startTransition(() => router.refresh());
  };
  return (
    <Group gap="sm" wrap="nowrap">
      <Tooltip
        label={
          utc
            ? `Times, day ranges and exports are in UTC. Your browser's zone is ${browserZone}.`
            : `${timeZone}, ${timeZoneLabel}: times, day ranges and exports are in this zone (your browser's)`
        }
        multiline
        maw={320}
      >
        <Group gap={6} wrap="nowrap" aria-label={`Time zone: ${timeZone}, ${timeZoneLabel}`} role="note">
          <IconWorld size={16} aria-hidden color="var(--mantine-color-dimmed)" />
          <Text size="sm" c="dimmed" maw={160} truncate="end">
            {utc ? "UTC" : timeZone}
          </Text>
        </Group>
      </Tooltip>
      <Switch
        size="sm"
        label="Times in UTC"
        checked={checked}
        onChange={(event) => toggle(event.currentTarget.checked)}
        styles={{ label: { whiteSpace: "nowrap", color: "var(--mantine-color-dimmed)" } }}
      />
    </Group>
  );
}

/** The zone's short name on a button ("CET", "UTC") that opens the time zone and its switch. */
export function TimeZoneButton(props: TimeZoneSwitchProps) {
  const { timeZone, timeZoneLabel, utc } = props;
  // "CET (UTC+01:00)": the abbreviation before the offset
  const short = utc ? "UTC" : timeZoneLabel.split(" (")[0];
  return (
    <Popover position="bottom-end" shadow="md" withArrow trapFocus returnFocus>
      <Popover.Target>
        <Button
          variant="subtle"
          color="gray"
          c="dimmed"
          size="xs"
          leftSection={<IconWorld size={16} aria-hidden />}
          aria-label={`Time zone: ${timeZone}, ${timeZoneLabel}. Times in UTC: ${utc ? "on" : "off"}`}
          style={{ flexShrink: 0 }}
        >
          {short}
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-label="Time zone">
        <TimeZoneSwitch {...props} />
      </Popover.Dropdown>
    </Popover>
  );
}
