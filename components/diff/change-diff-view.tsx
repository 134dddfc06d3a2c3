"use client";
// The diff of one event: the fields that fit a table, then each long text, then each access grid.
// Side by side or unified: the choice lives in the URL (?layout=unified), so it can be shared.
import { Alert, Group, SegmentedControl, Stack, Text } from "@mantine/core";
import { parseAsStringLiteral, useQueryState } from "nuqs";
import type { ChangeDiff } from "@/lib/audit/diff/change-diff";
import { AccessGrid } from "./access-grid";
import { FieldChanges, type DiffLayout } from "./field-changes";
import type { DiffUsers } from "./diff-value";
import { LongTextChange } from "./long-text-change";

const LAYOUTS = ["side-by-side", "unified"] as const satisfies readonly DiffLayout[];
const layoutParser = parseAsStringLiteral(LAYOUTS).withDefault("side-by-side");

const MODE_TEXT = {
  create: "Values it was created with",
  update: "What changed",
  delete: "Values it had when deleted",
} as const;

export function ChangeDiffView({ diff, users, invalid }: { diff: ChangeDiff; users: DiffUsers; invalid: boolean }) {
  const [layout, setLayout] = useQueryState("layout", layoutParser.withOptions({ history: "replace", scroll: false }));
  const rows = diff.fields.filter((field) => field.shape === "value" || field.shape === "list");
  const texts = diff.fields.filter((field) => field.shape === "words");
  const grids = diff.fields.filter((field) => field.shape === "access");

  if (invalid) {
    return (
      <Alert color="orange" variant="light" title="The recorded changes cannot be read">
        This event's change list is not in the expected form, so it is not shown. The event itself is recorded as above.
      </Alert>
    );
  }
  if (diff.fields.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        This event recorded no field changes.
      </Text>
    );
  }
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm" fw={600}>
          {MODE_TEXT[diff.mode]}: {diff.fields.length} {diff.fields.length === 1 ? "field" : "fields"}
        </Text>
        {diff.mode === "update" && rows.length + texts.length > 0 && (
          <Group gap={8} wrap="nowrap" role="group" aria-label="Diff layout">
            <Text size="sm" c="dimmed" aria-hidden>
              Layout
            </Text>
            <SegmentedControl
              size="xs"
              value={layout}
              onChange={(value) => void setLayout(value as DiffLayout)}
              data={[
                { value: "side-by-side", label: "Side by side" },
                { value: "unified", label: "Unified" },
              ]}
            />
          </Group>
        )}
      </Group>
      {rows.length > 0 && <FieldChanges fields={rows} mode={diff.mode} layout={layout} users={users} />}
      {texts.map((field) => (
        <LongTextChange key={field.field} field={field} mode={diff.mode} layout={layout} />
      ))}
      {grids.map((field) => (
        <AccessGrid key={field.field} field={field.field} rows={field.rows} mode={diff.mode} />
      ))}
    </Stack>
  );
}
