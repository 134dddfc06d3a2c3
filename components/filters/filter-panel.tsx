"use client";
// The frame of every tab's filter form: the fields, then Search and Reset. Search spins (and so is
// disabled) while the results load: the focus comes back to it, rather than falling to the page.
import type { FormEventHandler, ReactNode } from "react";
import { Button, Group, Paper, Stack } from "@mantine/core";
import { IconRestore, IconSearch } from "@tabler/icons-react";
import { keepFocus } from "@/components/data-table/keep-focus";

interface FilterPanelProps {
  /** names the search landmark: "Filter login events" */
  label: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  onReset: () => void;
  /** a search is on its way: the Search button spins */
  pending?: boolean;
  children: ReactNode;
}

export function FilterPanel({ label, onSubmit, onReset, pending = false, children }: FilterPanelProps) {
  return (
    <Paper
      component="form"
      role="search"
      aria-label={label}
      withBorder
      radius="md"
      p="md"
      onSubmit={(event) => {
        keepFocus(["button[data-filter-search]"]);
        onSubmit(event);
      }}
      noValidate
    >
      <Stack gap="md">
        <Group align="flex-start" gap="md" wrap="wrap">
          {children}
        </Group>
        <Group gap="sm">
          <Button type="submit" leftSection={<IconSearch size={16} aria-hidden />} loading={pending} data-filter-search>
            Search
          </Button>
          <Button type="button" variant="default" leftSection={<IconRestore size={16} aria-hidden />} onClick={onReset} disabled={pending}>
            Reset
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
