// The frame around a list's rows: how many matched, which time zone the times are in, the table,
// and the pagination below. No hooks: renders on the server or inside client components.
import type { ReactNode } from "react";
import { Group, Paper, Stack, Text } from "@mantine/core";
import { IconClock, IconHourglass } from "@tabler/icons-react";
import { formatTotalOf } from "@/lib/audit/search/list-result";
import { zoneName } from "@/lib/time/zoned";
import { ListTransition } from "./list-transition";
import { RESULTS_ID } from "./results-anchor";

interface DataTableResultsProps {
  total: number;
  totalIsCapped: boolean;
  /** what the rows are: "event" */
  noun: string;
  /** the zone the times are shown in */
  timeZone: string;
  children: ReactNode;
  footer?: ReactNode;
  /** what the reader should know about the rows' freshness (a read replica behind), or null */
  notice?: string | null;
}

export function timeZoneCaption(timeZone: string, at = new Date()): string {
  const short = zoneName(at, timeZone);
  return short === timeZone ? `Times in ${timeZone}` : `Times in ${timeZone} (${short})`;
}

export function DataTableResults({ total, totalIsCapped, noun, timeZone, children, footer, notice }: DataTableResultsProps) {
  return (
    <Paper withBorder radius="md" p="md" id={RESULTS_ID} tabIndex={-1} miw={0}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600} size="md" role="status">
            {formatTotalOf(total, totalIsCapped, noun)}
            {totalIsCapped && (
              <Text span size="sm" c="dimmed" fw={400}>
                {" "}
                (counted up to the first {formatTotalOf(total, false, noun)}; narrow the filters for an exact count)
              </Text>
            )}
          </Text>
          <Group gap={6} wrap="nowrap">
            <IconClock size={15} aria-hidden color="var(--mantine-color-dimmed)" />
            <Text size="sm" c="dimmed">
              {timeZoneCaption(timeZone)}
            </Text>
          </Group>
        </Group>
        {notice && (
          <Group gap={6} wrap="nowrap" role="status">
            <IconHourglass size={15} aria-hidden color="var(--mantine-color-orange-8)" />
            <Text size="sm" c="orange.9">
              {notice}
            </Text>
          </Group>
        )}
        <ListTransition>
          {children}
          {footer}
        </ListTransition>
      </Stack>
    </Paper>
  );
}
