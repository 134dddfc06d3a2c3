"use client";
// A long text field: word-level marks, unified (one text, removed and added runs in place) or side
// by side (the text before with its removed words, the text after with its added words).
import { SimpleGrid, Stack, Text } from "@mantine/core";
import type { DiffMode, FieldDiff } from "@/lib/audit/diff/change-diff";
import { wordCountText } from "@/lib/audit/diff/change-summary";
import { NoneValue, WordRuns } from "./diff-marks";
import type { DiffLayout } from "./field-changes";
import classes from "./diff.module.css";

type WordsDiff = Extract<FieldDiff, { shape: "words" }>;

// A long text scrolls inside its box (at most 28rem high): the box takes the keyboard's focus so
// that the arrow keys scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable), named after
// its field and title.
function TextBox({ field, title, children }: { field: string; title: string; children: React.ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        {title}
      </Text>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to be scrolled without a mouse */}
      <section className={classes.textBox} tabIndex={0} aria-label={`${field}: ${title}`}>
        {children}
      </section>
    </Stack>
  );
}

export function LongTextChange({ field, mode, layout }: { field: WordsDiff; mode: DiffMode; layout: DiffLayout }) {
  const plain = (value: WordsDiff["before"]) => (value.type === "text" ? <p className={classes.text}>{value.text}</p> : <NoneValue />);
  return (
    <Stack gap={6} component="section" aria-label={field.field}>
      <Text size="sm" fw={600}>
        {field.field}{" "}
        {mode === "update" && (
          <Text span size="sm" c="dimmed" fw={400}>
            {field.status === "unchanged" ? "unchanged" : wordCountText(field.parts)}
          </Text>
        )}
      </Text>
      {mode === "create" && (
        <TextBox field={field.field} title="Initial text">
          {plain(field.after)}
        </TextBox>
      )}
      {mode === "delete" && (
        <TextBox field={field.field} title="Last text">
          {plain(field.before)}
        </TextBox>
      )}
      {mode === "update" && layout === "unified" && (
        <TextBox field={field.field} title="Changes in place">
          {field.parts.length > 0 ? <WordRuns parts={field.parts} /> : <NoneValue />}
        </TextBox>
      )}
      {mode === "update" && layout === "side-by-side" && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <TextBox field={field.field} title="Before">
            {field.beforeParts.length > 0 ? <WordRuns parts={field.beforeParts} /> : <NoneValue />}
          </TextBox>
          <TextBox field={field.field} title="After">
            {field.afterParts.length > 0 ? <WordRuns parts={field.afterParts} /> : <NoneValue />}
          </TextBox>
        </SimpleGrid>
      )}
    </Stack>
  );
}
