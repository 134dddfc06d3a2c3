"use client";
// The activity chart's numbers as a table: the days (or hours) that have events, per event type,
// each day a link that narrows the list to it.
import Link from "next/link";
import { Anchor, ScrollArea, Table } from "@mantine/core";
import { eventTypeLabel } from "@/lib/audit/events/event-types";
import { formatCount } from "@/lib/audit/search/list-result";
import type { Activity } from "@/lib/audit/activity/activity-query";
import { bucketLabel } from "./activity-labels";

export function ActivityTable({ activity, dayHrefs }: { activity: Activity; dayHrefs: Record<string, string> }) {
  const rows = activity.buckets.filter((bucket) => bucket.total > 0);
  const per = activity.unit === "day" ? "Day" : "Hour";
  return (
    <ScrollArea.Autosize mah={320} type="auto">
      <Table striped highlightOnHover stickyHeader verticalSpacing={4} fz="sm">
        <Table.Caption>
          Events per {per.toLowerCase()} by event type, in {activity.timeZone}; days without events are left out.
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{per}</Table.Th>
            {activity.types.map((type) => (
              <Table.Th scope="col" key={type} ta="right">
                {eventTypeLabel(type)}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right">
              Total
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((bucket) => {
            const href = dayHrefs[bucket.key.slice(0, 10)];
            const label = bucketLabel(bucket.key, activity.unit);
            return (
              <Table.Tr key={bucket.key}>
                <Table.Th scope="row" fw={400}>
                  {href ? (
                    <Anchor component={Link} href={href} size="sm" aria-label={`${label}: show only this day`}>
                      {label}
                    </Anchor>
                  ) : (
                    label
                  )}
                </Table.Th>
                {activity.types.map((type) => (
                  <Table.Td key={type} ta="right">
                    {formatCount(bucket.counts[type] ?? 0)}
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={600}>
                  {formatCount(bucket.total)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
