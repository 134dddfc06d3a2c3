"use client";
// The activity chart: the events per day (or hour) stacked by event type, a one-line summary that
// says the same in words, and the numbers as a table on request. Clicking a bar, or a day in the
// table, narrows the range to that day.
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { BarChart } from "@mantine/charts";
import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconTable } from "@tabler/icons-react";
import { eventTypeLabel } from "@/lib/audit/events/event-types";
import { formatCount } from "@/lib/audit/search/list-result";
import type { Activity } from "@/lib/audit/activity/activity-query";
import type { AuditEventType } from "@/lib/generated/prisma/enums";
import { chartHeight } from "./activity-states";
import { ActivityTable } from "./activity-table";
import { bucketLabel, busiest, tickLabel, typeColor } from "./activity-labels";

interface ActivityChartViewProps {
  activity: Activity;
  /** the types of the list in their order, for colours that do not change with the filter */
  eventTypes: readonly AuditEventType[];
  /** where clicking a day goes, by day ("2026-03-14"): the list narrowed to it */
  dayHrefs: Record<string, string>;
  /** "Login activity" */
  title: string;
}

export function activitySummary(activity: Activity): string {
  const top = busiest(activity.buckets);
  const per = activity.unit === "day" ? "day" : "hour";
  const count = `${formatCount(activity.total)} ${activity.total === 1 ? "event" : "events"}`;
  if (!top) return `No events in this range (by ${per}, ${activity.timeZone}).`;
  const types = activity.types.map((type) => `${eventTypeLabel(type)} ${formatCount(sumOf(activity, type))}`).join(", ");
  return `${count} by ${per} in ${activity.timeZone}: ${types}. Busiest ${per}: ${bucketLabel(top.key, activity.unit)}, ${formatCount(top.total)}.`;
}

function sumOf(activity: Activity, type: AuditEventType): number {
  return activity.buckets.reduce((sum, bucket) => sum + (bucket.counts[type] ?? 0), 0);
}

export function ActivityChartView({ activity, eventTypes, dayHrefs, title }: ActivityChartViewProps) {
  const router = useRouter();
  const [showTable, setShowTable] = useState(false);
  const titleId = useId();
  const summaryId = useId();
  const data = activity.buckets.map((bucket) => ({ key: bucket.key, ...bucket.counts }));
  const series = activity.types.map((type) => ({ name: type, label: eventTypeLabel(type), color: typeColor(eventTypes.indexOf(type)) }));
  const open = (key: string | undefined) => {
    const href = key ? dayHrefs[key.slice(0, 10)] : undefined;
    if (href) router.push(href);
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <div>
            <Title order={2} size="h5" id={titleId}>
              {title}
            </Title>
            <Text size="sm" c="dimmed" id={summaryId}>
              {activitySummary(activity)}
            </Text>
          </div>
          <Button
            variant="default"
            size="compact-sm"
            leftSection={<IconTable size={16} aria-hidden />}
            aria-expanded={showTable}
            onClick={() => setShowTable(!showTable)}
          >
            {showTable ? "Hide table" : "Show as table"}
          </Button>
        </Group>
        {/* The picture for the eye; the summary above and the table say it in words. Bars are clicked with a mouse, the table's days with anything. */}
        <div role="img" aria-labelledby={titleId} aria-describedby={summaryId} data-testid="activity-chart">
          <BarChart
            h={chartHeight(series.length)}
            data={data}
            dataKey="key"
            type="stacked"
            series={series}
            withLegend={series.length > 1}
            legendProps={{ verticalAlign: "bottom", height: series.length > 5 ? 64 : 36 }}
            tickLine="none"
            xAxisProps={{ tickFormatter: (key: string) => tickLabel(key, activity.unit), minTickGap: 16 }}
            yAxisProps={{ allowDecimals: false, width: 48, interval: 0 }}
            valueFormatter={(value) => formatCount(value)}
            tooltipProps={{ labelFormatter: (key) => bucketLabel(String(key), activity.unit) }}
            barChartProps={{ accessibilityLayer: false, style: { cursor: "pointer" } }}
            barProps={{ onClick: (entry: { payload?: { key?: string } }) => open(entry.payload?.key) }}
          />
        </div>
        {showTable && <ActivityTable activity={activity} dayHrefs={dayHrefs} />}
      </Stack>
    </Paper>
  );
}
