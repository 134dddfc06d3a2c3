"use client";
// What a list shows instead of rows: nothing matched, the search was refused, or the rows are loading.
import Link from "next/link";
import type { ReactNode } from "react";
import { Alert, Button, Center, Paper, Skeleton, Stack, Table, Text, ThemeIcon, Title, VisuallyHidden } from "@mantine/core";
import { IconAlertTriangle, IconSearchOff } from "@tabler/icons-react";

interface DataTableEmptyProps {
  title: string;
  description?: ReactNode;
  /** a way out: "Reset filters" to the tab without filters, "Go to page 1" */
  action?: { label: string; href: string };
}

export function DataTableEmpty({ title, description, action }: DataTableEmptyProps) {
  return (
    <Center py={48} px="md">
      <Stack align="center" gap="xs" maw={460} ta="center">
        <ThemeIcon size={48} radius="xl" variant="light" color="gray" aria-hidden>
          <IconSearchOff size={26} stroke={1.5} />
        </ThemeIcon>
        <Title order={2} size="h4">
          {title}
        </Title>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
        {action && (
          <Button component={Link} href={action.href} variant="light" mt="xs">
            {action.label}
          </Button>
        )}
      </Stack>
    </Center>
  );
}

export function DataTableError({ title, message, children }: { title: string; message: ReactNode; children?: ReactNode }) {
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle size={20} />} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{message}</Text>
        {children}
      </Stack>
    </Alert>
  );
}

/** Placeholder rows in the shape of the table, announced as loading. */
export function DataTableSkeleton({ columns, rows = 10, label = "Loading" }: { columns: string[]; rows?: number; label?: string }) {
  const lines = Math.min(rows, 12);
  return (
    <Paper withBorder radius="md" p="md" aria-busy="true">
      <VisuallyHidden role="status">{label}…</VisuallyHidden>
      <Stack gap="md" aria-hidden>
        <Skeleton height={14} width={220} radius="sm" />
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column}>
                  <Text size="sm" fw={600} c="gray.7">
                    {column}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {Array.from({ length: lines }, (_, row) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity but their place
              <Table.Tr key={row}>
                {columns.map((column, index) => (
                  <Table.Td key={column}>
                    <Skeleton height={12} radius="sm" width={`${55 + ((row * 7 + index * 13) % 40)}%`} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
