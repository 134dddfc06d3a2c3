// The Unicode fonts a PDF may embed, read from their npm packages at run time, and which characters
// each one has. No single font covers every script: DejaVu Sans has Latin, Greek, Cyrillic, Hebrew
// and Arabic; Noto Sans JP, SC, TC and KR the CJK ideographs, kana and Hangul; Noto Sans Thai and
// Devanagari those scripts. A text run takes the first font in this order that has all of its
// characters (fontRuns, pdf-text.ts), and a document embeds only the fonts its runs use.
// jsPDF's Node build reads no files itself: it takes base64.
import { readFileSync } from "node:fs";
import path from "node:path";

export const PDF_FONT = "DejaVuSans";

interface FontFile {
  name: string;
  /** the npm package's TTF of the regular weight */
  file: string;
  /** the bold weight, for the title block's labels (DejaVu Sans only) */
  bold?: string;
}

/** In the order a run tries them: the first that has every character of the run draws it. */
export const PDF_FONTS: readonly FontFile[] = [
  { name: PDF_FONT, file: "dejavu-fonts-ttf/ttf/DejaVuSans.ttf", bold: "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf" },
  { name: "NotoSansJP", file: "@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf" },
  { name: "NotoSansSC", file: "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf" },
  { name: "NotoSansTC", file: "@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf" },
  { name: "NotoSansKR", file: "@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf" },
  { name: "NotoSansThai", file: "@expo-google-fonts/noto-sans-thai/400Regular/NotoSansThai_400Regular.ttf" },
  { name: "NotoSansDevanagari", file: "@expo-google-fonts/noto-sans-devanagari/400Regular/NotoSansDevanagari_400Regular.ttf" },
];

// Read from node_modules beside the app (`next start` and `next dev` run in the project folder),
// where npm installed them; PDF_FONT_DIR points elsewhere when the app runs from another folder.
function packageFile(file: string): string {
  return path.join(/*turbopackIgnore: true*/ process.env.PDF_FONT_DIR ?? path.join(process.cwd(), "node_modules"), file);
}

// Not kept: a CJK font is 5-10 MB, read once for its coverage and once more for each document that embeds it.
function fontFile(file: string): Buffer {
  return readFileSync(/*turbopackIgnore: true*/ packageFile(file));
}

/**
 * The BMP characters a TrueType font maps to a glyph, one bit each, from the cmap subtable jsPDF
 * itself reads (platform 3 encoding 1 or platform 0, format 4): a character jsPDF cannot find in
 * that table prints blank, whatever else the font holds.
 */
export function bmpCoverage(font: Buffer): Uint8Array {
  const covered = new Uint8Array(0x10000 / 8);
  const tables = font.readUInt16BE(4);
  let cmap = -1;
  for (let index = 0; index < tables; index += 1) {
    const record = 12 + index * 16;
    if (font.toString("latin1", record, record + 4) === "cmap") cmap = font.readUInt32BE(record + 8);
  }
  if (cmap < 0) return covered;
  let subtable = -1;
  for (let index = 0; index < font.readUInt16BE(cmap + 2); index += 1) {
    const record = cmap + 4 + index * 8;
    const [platform, encoding, offset] = [font.readUInt16BE(record), font.readUInt16BE(record + 2), font.readUInt32BE(record + 4)];
    if (font.readUInt16BE(cmap + offset) === 4 && ((platform === 3 && encoding === 1) || platform === 0)) subtable = cmap + offset;
  }
  if (subtable < 0) return covered;
  const segments = font.readUInt16BE(subtable + 6) / 2;
  const ends = subtable + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let segment = 0; segment < segments; segment += 1) {
    const [start, end] = [font.readUInt16BE(starts + segment * 2), font.readUInt16BE(ends + segment * 2)];
    const delta = font.readUInt16BE(deltas + segment * 2);
    const rangeOffset = font.readUInt16BE(rangeOffsets + segment * 2);
    for (let code = start; code <= end && code < 0xffff; code += 1) {
      let glyph = code;
      if (rangeOffset !== 0) {
        const at = rangeOffsets + segment * 2 + rangeOffset + (code - start) * 2;
        glyph = at + 2 <= font.length ? font.readUInt16BE(at) : 0;
        if (glyph === 0) continue;
      }
      if ((glyph + delta) & 0xffff) covered[code >> 3] |= 1 << (code & 7);
    }
  }
  return covered;
}

export interface PdfFont {
  name: string;
  /** whether the font has a glyph for this code point */
  has(code: number): boolean;
}

const coverages = new Map<string, Uint8Array>();

/** The fonts in the order runs try them; a font's file is read the first time a character asks it. */
export const pdfFontOrder: readonly PdfFont[] = PDF_FONTS.map((font) => ({
  name: font.name,
  has(code: number): boolean {
    if (code > 0xffff) return false;
    let covered = coverages.get(font.name);
    if (!covered) {
      covered = bmpCoverage(fontFile(font.file));
      coverages.set(font.name, covered);
    }
    return (covered[code >> 3] & (1 << (code & 7))) !== 0;
  },
}));

export interface LoadedFont {
  name: string;
  style: "normal" | "bold";
  vfsName: string;
  /** the file as jsPDF takes it: a TrueType file as a binary string (no base64 to decode), anything else as base64 */
  data: string;
}

function jsPdfData(bytes: Buffer): string {
  return bytes.readUInt32BE(0) === 0x00010000 ? bytes.toString("latin1") : bytes.toString("base64");
}

/** The files of the named fonts (DejaVu Sans also in bold), as jsPDF takes them. */
export function pdfFontFiles(names: ReadonlySet<string>): LoadedFont[] {
  return PDF_FONTS.filter((font) => names.has(font.name)).flatMap((font) =>
    (
      [
        ["normal", font.file],
        ["bold", font.bold],
      ] as const
    )
      .filter((entry): entry is readonly ["normal" | "bold", string] => entry[1] !== undefined)
      .map(([style, file]) => ({ name: font.name, style, vfsName: path.basename(file), data: jsPdfData(fontFile(file)) })),
  );
}
