// What the activity chart shows while it loads, when nothing matched and when it failed: the same
// states as the lists, in the chart's own frame and height.
import type { ReactNode } from "react";
import { Alert, Center, Paper, Skeleton, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";

/** The chart's height with its legend: a legend of many types takes two lines. */
export function chartHeight(types: number): number {
  return types > 5 ? 260 : 230;
}

function Frame({ title, children, busy }: { title: string; children: ReactNode; busy?: boolean }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title} aria-busy={busy || undefined}>
      <Stack gap="xs">
        <Title order={2} size="h5">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

export function ActivitySkeleton({ title }: { title: string }) {
  return (
    <Frame title={title} busy>
      <VisuallyHidden role="status">Loading the activity chart…</VisuallyHidden>
      <Stack gap={6} aria-hidden>
        <Skeleton height={12} width={320} radius="sm" />
        <Skeleton height={chartHeight(1)} radius="sm" />
      </Stack>
    </Frame>
  );
}

export function ActivityEmpty({ title, message }: { title: string; message: string }) {
  return (
    <Frame title={title}>
      <Center h={72}>
        <Text size="sm" c="dimmed">
          {message}
        </Text>
      </Center>
    </Frame>
  );
}

export function ActivityError({ title, message }: { title: string; message: string }) {
  return (
    <Frame title={title}>
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} />} role="alert" title="The activity chart could not be loaded">
        <Text size="sm">{message}</Text>
      </Alert>
    </Frame>
  );
}
