"use client";
// The marks of a diff: added and removed runs as <ins> and <del>, with the words "added" and
// "removed" for screen readers (most do not announce ins/del), and "None" for an empty value.
import type { ReactNode } from "react";
import { VisuallyHidden } from "@mantine/core";
import type { PartChange, WordPart } from "@/lib/audit/diff/change-diff";
import classes from "./diff.module.css";

interface MarkProps {
  children: ReactNode;
  /** the content is a box (a user with avatar): mark it as one chip */
  chip?: boolean;
}

export function Added({ children, chip = false }: MarkProps) {
  return (
    <ins className={chip ? `${classes.added} ${classes.chip}` : classes.added}>
      <VisuallyHidden>added: </VisuallyHidden>
      {children}
      <VisuallyHidden> (end of added)</VisuallyHidden>
    </ins>
  );
}

export function Removed({ children, chip = false }: MarkProps) {
  return (
    <del className={chip ? `${classes.removed} ${classes.chip}` : classes.removed}>
      <VisuallyHidden>removed: </VisuallyHidden>
      {children}
      <VisuallyHidden> (end of removed)</VisuallyHidden>
    </del>
  );
}

export function Marked({ change, children, chip }: MarkProps & { change: PartChange | "changed" }) {
  if (change === "added") return <Added chip={chip}>{children}</Added>;
  if (change === "removed") return <Removed chip={chip}>{children}</Removed>;
  return <>{children}</>;
}

export function NoneValue() {
  return <span className={classes.none}>None</span>;
}

/** Word runs as running text, keeping line breaks. */
export function WordRuns({ parts }: { parts: WordPart[] }) {
  return (
    <p className={classes.text}>
      {parts.map((part, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the runs of one diff, drawn once: never reordered
        <Marked key={index} change={part.change}>
          {part.text}
        </Marked>
      ))}
    </p>
  );
}
