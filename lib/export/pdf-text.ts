// Text as the PDF draws it, so that no character of a name is lost: Arabic shaped by jsPDF's own
// shaper, right-to-left runs put in visual order (jsPDF's bidi engine is told the text is already
// visual), each run in the first font that has all of its characters (pdf-fonts.ts), and a
// character no font has (emoji) shown as a visible placeholder. Thai and Devanagari print every
// character in their fonts, unshaped: jsPDF has no shaper for them.
import { jsPDF } from "jspdf";
import { PDF_FONT, pdfFontOrder } from "./pdf-fonts";

/** What a character no embedded font has (an emoji, a symbol) prints as. */
export const PLACEHOLDER = "\u25a1";

/** doc.text's options for text this module has put in visual order: jsPDF's bidi engine leaves it as it is. */
export const VISUAL_TEXT = { isInputVisual: true, isOutputVisual: true };

export interface TextRun {
  text: string;
  font: string;
}

// Text DejaVu Sans draws alone: printable ASCII, Latin-1 and Latin Extended-A (pdf-text.test.ts checks the font has them).
const DEJAVU_ONLY = /^[\x20-\x7e\u00a0-\u017f\u2013\u2014\u2018-\u201d\u2026\u2192\u00b7]*$/;
const ARABIC = /[\u0600-\u06ff]/;

/** Text DejaVu Sans draws alone, left to right: jsPDF measures and wraps it itself. */
export const isPlainLatin = (text: string) => DEJAVU_ONLY.test(text);
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
// Invisible characters that shape a neighbour (joiners, variation selectors, skin tones): dropped where no font has them.
const IGNORABLE = /^(?:\p{Cf}|[\u{fe00}-\u{fe0f}]|[\u{1f3fb}-\u{1f3ff}])$/u;

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });
const processArabic = (jsPDF.API as unknown as { processArabic(text: string): string }).processArabic;

const ignorable = (code: number) => IGNORABLE.test(String.fromCodePoint(code));
const codes = (text: string) => Array.from(text, (char) => char.codePointAt(0) ?? 0);
const anyFontHas = (code: number) => pdfFontOrder.some((font) => font.has(code));

/**
 * The text with Arabic in its contextual forms, tabs as spaces, control characters gone, and each
 * character cluster no font can draw (an emoji with its modifiers) as one PLACEHOLDER. Logical order.
 */
export function printable(text: string): string {
  if (DEJAVU_ONLY.test(text)) return text;
  const shaped = ARABIC.test(text) ? processArabic(text) : text;
  let result = "";
  for (const { segment } of graphemes.segment(shaped.replace(/\t/g, " "))) {
    if (segment === "\n") result += segment;
    else if (/^\p{Cc}+$/u.test(segment)) continue;
    else if (codes(segment).every((code) => anyFontHas(code) || ignorable(code))) {
      // Joiners and variation selectors draw nothing, and jsPDF shapes none of the scripts that use them.
      result += Array.from(segment)
        .filter((char) => !ignorable(char.codePointAt(0) ?? 0))
        .join("");
    } else result += PLACEHOLDER;
  }
  return result;
}

function firstFontOf(text: string): string | undefined {
  const points = codes(text);
  return pdfFontOrder.find((font) => points.every((code) => font.has(code)))?.name;
}

/**
 * Printable text cut into runs of one font: each word in the first font that has all of its
 * characters ("王伟" wholly in Noto Sans SC, not 王 in JP and 伟 in SC), a word no font has whole
 * cluster by cluster.
 */
export function fontRuns(text: string): TextRun[] {
  if (DEJAVU_ONLY.test(text)) return text === "" ? [] : [{ text, font: PDF_FONT }];
  const runs: TextRun[] = [];
  const add = (piece: string, font: string) => {
    const last = runs.at(-1);
    if (last?.font === font) last.text += piece;
    else runs.push({ text: piece, font });
  };
  for (const word of text.split(/(?<=\s)/)) {
    const font = firstFontOf(word);
    if (font) add(word, font);
    else for (const { segment } of graphemes.segment(word)) add(segment, firstFontOf(segment) ?? PDF_FONT);
  }
  return runs;
}

const MIRRORED: Record<string, string> = { "(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "<": ">", ">": "<", "«": "»", "»": "«" };

/**
 * One line in the order it is drawn from left to right (the Unicode bidi algorithm's levels, for
 * text without explicit embeddings): right-to-left runs reversed, digits and left-to-right words
 * kept in their order inside them, brackets mirrored. A line whose first strong character is
 * right-to-left reads right to left as a whole.
 */
export function visualOrder(line: string): string {
  if (!RIGHT_TO_LEFT.test(line)) return line;
  const chars = Array.from(line);
  const strong = chars.map((char) => (RIGHT_TO_LEFT.test(char) ? "R" : /[\p{L}\p{N}]/u.test(char) ? "L" : null));
  const base = strong.find((direction) => direction !== null) === "R" ? 1 : 0;
  const direction = strong.map((own, index) => {
    if (own) return own;
    const before = strong.slice(0, index).findLast((found) => found !== null);
    const after = strong.slice(index + 1).find((found) => found !== null);
    return before && before === after ? before : base === 1 ? "R" : "L";
  });
  const levels = direction.map((own) => (own === "R" ? 1 : base === 1 ? 2 : 0));
  const order = chars.map((_, index) => index);
  for (let level = Math.max(...levels); level >= 1; level -= 1) {
    let start = 0;
    while (start < order.length) {
      if (levels[order[start]] < level) {
        start += 1;
        continue;
      }
      let end = start;
      while (end < order.length && levels[order[end]] >= level) end += 1;
      order.splice(start, end - start, ...order.slice(start, end).reverse());
      start = end;
    }
  }
  return order.map((index) => (levels[index] % 2 === 1 ? (MIRRORED[chars[index]] ?? chars[index]) : chars[index])).join("");
}

/** The fonts the runs of these texts use. */
export function fontsUsed(texts: Iterable<string>, used = new Set<string>([PDF_FONT])): Set<string> {
  for (const text of texts) for (const run of fontRuns(text)) used.add(run.font);
  return used;
}
