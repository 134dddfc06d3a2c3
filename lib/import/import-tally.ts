// What reading one file made of it: lines read, events made, lines skipped by kind (an action the
// console has no event type for) and lines that could not be read, with their numbers. An import
// goes on past a bad line and says so at the end.

/** How many unreadable lines an import keeps word of; past that it only counts them. */
export const UNREADABLE_KEPT = 100;

export interface UnreadableLine {
  file: string;
  line: number;
  reason: string;
}

export class ReadTally {
  linesRead = 0;
  eventsMade = 0;
  /** lines by kind ("server start"), in the order first met */
  readonly skipped = new Map<string, number>();
  unreadableCount = 0;
  /** the first UNREADABLE_KEPT unreadable lines */
  readonly unreadable: UnreadableLine[] = [];

  constructor(readonly file: string) {}

  skip(kind: string, lines = 1): void {
    this.skipped.set(kind, (this.skipped.get(kind) ?? 0) + lines);
  }

  bad(line: number, reason: string): void {
    this.unreadableCount++;
    if (this.unreadable.length < UNREADABLE_KEPT) this.unreadable.push({ file: this.file, line, reason });
  }

  get skippedCount(): number {
    let total = 0;
    for (const count of this.skipped.values()) total += count;
    return total;
  }
}
