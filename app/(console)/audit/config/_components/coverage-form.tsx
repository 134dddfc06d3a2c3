"use client";
// The event type switches by group: each type on or off, all on or off per group, and one save
// that first lists exactly what changes. Auditors see the switches, disabled.
import { useEffect, useMemo, useState } from "react";
import { Button, Group, Paper, SimpleGrid, Stack, Text, Title, Tooltip } from "@mantine/core";
import { IconDeviceFloppy, IconRestore } from "@tabler/icons-react";
import { COVERAGE_GROUPS } from "@/lib/audit/config/config-schemas";
import type { CoverageEntry } from "@/lib/audit/config/coverage";
import { CATEGORY_LABELS } from "@/lib/audit/events/event-types";
import type { AuditEventType } from "@/lib/generated/prisma/enums";
import { CoverageConfirm } from "./coverage-confirm";
import { CoverageGroup } from "./coverage-group";
import { READ_ONLY_HINT } from "./read-only-hint";

export type Switches = Partial<Record<AuditEventType, boolean>>;

interface CoverageFormProps {
  entries: CoverageEntry[];
  canEdit: boolean;
  timeZone: string;
}

function switchesOf(entries: CoverageEntry[], pick: (entry: CoverageEntry) => boolean): Switches {
  return Object.fromEntries(entries.map((entry) => [entry.eventType, pick(entry)]));
}

export function CoverageForm({ entries, canEdit, timeZone }: CoverageFormProps) {
  const saved = useMemo(() => switchesOf(entries, (entry) => entry.enabled), [entries]);
  const [values, setValues] = useState<Switches>(saved);
  const [confirming, setConfirming] = useState(false);
  const changed = entries.filter((entry) => !entry.locked && values[entry.eventType] !== saved[entry.eventType]);
  const atDefaults = entries.every((entry) => values[entry.eventType] === entry.defaultEnabled);

  // Leaving the page with unsaved switches asks first.
  useEffect(() => {
    if (changed.length === 0) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [changed.length]);

  const set = (types: AuditEventType[], enabled: boolean) =>
    setValues((current) => ({ ...current, ...Object.fromEntries(types.map((type) => [type, enabled])) }));

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="coverage-title">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4" id="coverage-title">
            Audited event types
          </Title>
          <Text size="sm" c="dimmed">
            An event of a type switched off is not stored when it arrives; it is only counted as dropped. Defaults come from config/audit-defaults.json; what is
            saved here wins over the file and survives restarts.
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3, xl: 5 }} spacing="sm" verticalSpacing="sm">
          {COVERAGE_GROUPS.map((category) => (
            <CoverageGroup
              key={category}
              label={CATEGORY_LABELS[category]}
              entries={entries.filter((entry) => entry.category === category)}
              values={values}
              saved={saved}
              canEdit={canEdit}
              timeZone={timeZone}
              onChange={set}
            />
          ))}
        </SimpleGrid>
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Text size="sm" c={changed.length > 0 ? "blue.8" : "dimmed"} fw={changed.length > 0 ? 600 : 400} role="status">
            {changed.length === 0 ? "No unsaved changes." : `${changed.length} unsaved ${changed.length === 1 ? "change" : "changes"}.`}
          </Text>
          <Tooltip label={READ_ONLY_HINT} disabled={canEdit} withArrow>
            <Group gap="sm">
              <Button
                variant="subtle"
                leftSection={<IconRestore size={16} aria-hidden />}
                disabled={!canEdit || atDefaults}
                onClick={() => setValues(switchesOf(entries, (entry) => entry.defaultEnabled))}
              >
                Defaults from file
              </Button>
              <Button variant="default" disabled={!canEdit || changed.length === 0} onClick={() => setValues(saved)}>
                Discard changes
              </Button>
              <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} disabled={!canEdit || changed.length === 0} onClick={() => setConfirming(true)}>
                Save changes…
              </Button>
            </Group>
          </Tooltip>
        </Group>
      </Stack>
      <CoverageConfirm opened={confirming} onClose={() => setConfirming(false)} changed={changed} values={values} />
    </Paper>
  );
}
