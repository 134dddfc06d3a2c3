// Printable text (pdf-text.ts) measured, wrapped and drawn run by run, each run in its own font.
import type { jsPDF } from "jspdf";
import { fontRuns, VISUAL_TEXT, visualOrder } from "./pdf-text";

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/** Measures, wraps and draws text at one font size. */
export class RunLayout {
  constructor(
    private readonly doc: jsPDF,
    private readonly fontSize: number,
  ) {}

  private readonly fonts = new Map<string, unknown>();

  /** jsPDF's font object: getFont with a name finds it without making it the current font. */
  private font(name: string): unknown {
    let font = this.fonts.get(name);
    if (!font) {
      font = (this.doc.getFont as unknown as (name: string, style: string) => unknown)(name, "normal");
      this.fonts.set(name, font);
    }
    return font;
  }

  /** The width of text, in points. */
  width(text: string): number {
    let units = 0;
    for (const run of fontRuns(text)) units += this.doc.getStringUnitWidth(run.text, { font: this.font(run.font) } as never);
    return (units * this.fontSize) / this.doc.internal.scaleFactor;
  }

  /** Text in lines no wider than `width`: at spaces, and inside a word only where it is wider than a line. */
  wrap(text: string, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split("\n")) {
      let line = "";
      let used = 0;
      for (const word of paragraph.split(/(?<=\s)/)) {
        const bare = this.width(word.trimEnd());
        if (used + bare <= width) {
          line += word;
          used += this.width(word);
          continue;
        }
        if (line !== "") lines.push(line.trimEnd());
        [line, used] = ["", 0];
        if (bare <= width) {
          [line, used] = [word, this.width(word)];
          continue;
        }
        // A word wider than a line: cut between characters.
        for (const { segment } of graphemes.segment(word)) {
          const segmentWidth = this.width(segment);
          if (line !== "" && used + segmentWidth > width && segment.trim() !== "") {
            lines.push(line.trimEnd());
            line = "";
            used = 0;
          }
          line += segment;
          used += segmentWidth;
        }
      }
      lines.push(line.trimEnd());
    }
    return lines;
  }

  /** Draws one line (logical order) from `x` on the baseline `y`; returns its width. */
  draw(line: string, x: number, y: number): number {
    let left = x;
    this.doc.setFontSize(this.fontSize);
    for (const run of fontRuns(visualOrder(line))) {
      this.doc.setFont(run.font, "normal");
      this.doc.text(run.text, left, y, VISUAL_TEXT as never);
      left += this.width(run.text);
    }
    return left - x;
  }

  /** Whether a line is drawn in one font, and which (null: it needs several). */
  singleFont(line: string): string | null {
    const runs = fontRuns(line);
    return runs.length <= 1 ? (runs[0]?.font ?? null) : null;
  }
}
