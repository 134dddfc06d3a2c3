// While the Config tab loads: its three sections in outline, announced as loading.
import { Paper, SimpleGrid, Skeleton, Stack, VisuallyHidden } from "@mantine/core";

function SectionSkeleton({ lines, height }: { lines: number; height?: number }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Skeleton height={18} width={220} radius="sm" />
        <Skeleton height={12} width="70%" radius="sm" />
        {Array.from({ length: lines }, (_, line) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholder lines have no identity but their place
          <Skeleton key={line} height={height ?? 14} radius="sm" width={`${60 + ((line * 17) % 35)}%`} />
        ))}
      </Stack>
    </Paper>
  );
}

export default function ConfigLoading() {
  return (
    <Stack gap="md" aria-busy="true">
      <VisuallyHidden role="status">Loading the audit configuration…</VisuallyHidden>
      <SectionSkeleton lines={1} height={260} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <SectionSkeleton lines={4} />
        <SectionSkeleton lines={4} />
      </SimpleGrid>
      <SectionSkeleton lines={5} />
    </Stack>
  );
}
