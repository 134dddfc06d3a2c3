// A titled section of a page in a bordered card: the heading labels the section for screen readers.
import type { ReactNode } from "react";
import { Box, Group, Paper, Stack, Text, Title } from "@mantine/core";

interface SectionCardProps {
  /** the heading's id, which labels the section */
  id: string;
  title: string;
  description: ReactNode;
  /** beside the title, at the right: a count, a link */
  aside?: ReactNode;
  children: ReactNode;
}

export function SectionCard({ id, title, description, aside, children }: SectionCardProps) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
          <Box flex="1 1 320px">
            <Title order={2} size="h4" id={id}>
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          </Box>
          {aside}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
