// What an import says: a progress line while it runs, and its counts at the end.
import type { IngestResult } from "@/lib/ingest/ingest-events";
import type { ImportProgress } from "./run-import";
import type { ReadTally } from "./import-tally";

const count = (value: number) => value.toLocaleString("en-US");

export function progressLine({ file, tally, bytesRead, fileBytes, totals }: ImportProgress): string {
  const percent = fileBytes > 0 ? ` ${Math.min(100, Math.floor((bytesRead / fileBytes) * 100))}%` : "";
  return `${file}${percent}: ${count(tally.linesRead)} lines, ${count(tally.eventsMade)} events; ${count(totals.accepted)} accepted, ${count(totals.duplicates)} duplicates`;
}

/** The counts of an import, line by line; the unreadable lines named (the first of them). */
export function summaryLines(tallies: readonly ReadTally[], totals: IngestResult): string[] {
  const sum = (pick: (tally: ReadTally) => number) => tallies.reduce((total, tally) => total + pick(tally), 0);
  const skipped = new Map<string, number>();
  for (const tally of tallies) for (const [kind, lines] of tally.skipped) skipped.set(kind, (skipped.get(kind) ?? 0) + lines);
  const unreadable = sum((tally) => tally.unreadableCount);
  const rows: [string, number, string?][] = [
    ["lines read", sum((tally) => tally.linesRead)],
    ["events made", sum((tally) => tally.eventsMade)],
    ["accepted", totals.accepted, "stored now"],
    ["duplicates", totals.duplicates, "stored before: not again"],
    ["dropped", totals.dropped, "of event types switched off on the Config tab"],
    ["expired", totals.expired, "older than the retention period"],
    ["skipped", sum((tally) => tally.skippedCount), "lines of actions with no console event type"],
    ["unreadable", unreadable, "lines"],
  ];
  const width = Math.max(...rows.map(([, value]) => count(value).length));
  const lines = rows.map(([label, value, note]) => `  ${label.padEnd(13)}${count(value).padStart(width)}${note ? `  (${note})` : ""}`);
  if (skipped.size > 0) {
    lines.push("Skipped, by kind:");
    for (const [kind, many] of [...skipped].sort((a, b) => b[1] - a[1])) lines.push(`  ${kind}: ${count(many)}`);
  }
  if (unreadable > 0) {
    lines.push("Unreadable lines:");
    // by line within a file: a reader may settle a line after the ones that follow it (Blueprint's changes)
    const named = tallies.flatMap((tally) => [...tally.unreadable].sort((a, b) => a.line - b.line));
    for (const bad of named) lines.push(`  ${bad.file} line ${bad.line}: ${bad.reason}`);
    if (named.length < unreadable) lines.push(`  ... and ${count(unreadable - named.length)} more`);
  }
  return lines;
}
