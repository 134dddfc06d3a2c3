// Per sending system: when its last events came, what became of today's, its last refusal, and
// its "Open in the source system" link template.
import { cache } from "react";
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Tooltip } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { DateTimeText } from "@/components/data-table/data-table-cells";
import { DataTableEmpty } from "@/components/data-table/data-table-states";
import { getSourceActivity, type SourceActivity, type SourceDayCounts } from "@/lib/auth/api-tokens/source-activity";
import { getSourceLinkTemplates } from "@/lib/audit/events/source-link-store";
import { SourceLinkForm } from "./source-link-form";
import { formatCount } from "@/lib/audit/search/list-result";
import { formatDateTime, zoneName } from "@/lib/time/zoned";

/** The sources once per render: the form suggests their names, the panel shows their activity. */
export const loadSourceActivity = cache((timeZone: string) => getSourceActivity(timeZone));

const COUNTS: Array<{ key: keyof SourceDayCounts; label: string; meaning: string; alarm?: string }> = [
  { key: "accepted", label: "Accepted", meaning: "stored" },
  { key: "duplicates", label: "Duplicates", meaning: "sent before with the same event id; stored once" },
  { key: "dropped", label: "Dropped", meaning: "of an event type switched off on the Config tab", alarm: "orange" },
  { key: "expired", label: "Expired", meaning: "older than the retention: not stored", alarm: "orange" },
  { key: "refused", label: "Refused", meaning: "in requests answered with an error (a batch is stored all or none)", alarm: "red" },
];

function Count({ label, meaning, value, alarm }: { label: string; meaning: string; value: number; alarm?: string }) {
  return (
    <Tooltip label={`${label}: ${meaning}`} withArrow multiline maw={260}>
      <Stack gap={0} role="group" tabIndex={0} aria-label={`${label} today: ${formatCount(value)}, ${meaning}`}>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <Text fw={700} size="lg" c={value > 0 && alarm ? `${alarm}.8` : undefined} style={{ fontVariantNumeric: "tabular-nums" }}>
          {formatCount(value)}
        </Text>
      </Stack>
    </Tooltip>
  );
}

function SourceCard({ source, template, timeZone }: { source: SourceActivity; template: string | null; timeZone: string }) {
  const titleId = `source-${source.name}`;
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text fw={700} ff="monospace" id={titleId} truncate="end" title={source.name}>
            {source.name}
          </Text>
          <Badge color={source.activeTokens > 0 ? "green" : "gray"} variant="light" c="dark.7" style={{ flexShrink: 0 }}>
            {source.activeTokens === 1 ? "1 active token" : `${source.activeTokens} active tokens`}
          </Badge>
        </Group>
        <Text size="sm">
          <Text span c="dimmed">
            Last events received:{" "}
          </Text>
          {source.lastReceivedAt ? <DateTimeText value={source.lastReceivedAt} timeZone={timeZone} /> : <Text span>never</Text>}
        </Text>
        <SimpleGrid cols={5} spacing="xs">
          {COUNTS.map(({ key, ...count }) => (
            <Count key={key} {...count} value={source.today[key]} />
          ))}
        </SimpleGrid>
        {source.lastRefusedAt ? (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconAlertTriangle size={16} color="var(--mantine-color-red-8)" aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                Last refusal: <DateTimeText value={source.lastRefusedAt} timeZone={timeZone} />
              </Text>
              <Text size="sm" c="red.9" lineClamp={2} title={source.lastRefusalReason ?? undefined}>
                {source.lastRefusalReason ?? "no reason recorded"}
              </Text>
            </Stack>
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            No request refused.
          </Text>
        )}
        <SourceLinkForm source={source.name} template={template} />
      </Stack>
    </Paper>
  );
}

export async function SourceActivityPanel({ timeZone }: { timeZone: string }) {
  const [{ since, sources }, templates] = await Promise.all([loadSourceActivity(timeZone), getSourceLinkTemplates()]);
  if (sources.length === 0) {
    return <DataTableEmpty title="No sources yet" description="A source is registered with its first token, and shows here once it sends." />;
  }
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" role="status">
        Today: since {formatDateTime(since, timeZone).slice(0, 16)} {zoneName(since, timeZone)} ({timeZone}). Hover a count for what it means.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        {sources.map((source) => (
          <SourceCard key={source.name} source={source} template={templates[source.name] ?? null} timeZone={timeZone} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
