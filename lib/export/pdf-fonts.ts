// The Unicode fonts the PDF embeds, read from their npm packages at run time. No single font covers
// both Latin Extended (Ł, Ż) and CJK (山田): DejaVu Sans for most text, Noto Sans JP for cells with
// CJK characters (chosen per cell). jsPDF's Node build reads no files itself: it takes base64.
import { readFileSync } from "node:fs";
import path from "node:path";

export const PDF_FONT = "DejaVuSans";
export const PDF_CJK_FONT = "NotoSansJP";

interface FontFile {
  name: string;
  style: "normal" | "bold";
  file: string;
}

// Read from node_modules beside the app (`next start` and `next dev` run in the project folder),
// where npm installed them; PDF_FONT_DIR points elsewhere when the app runs from another folder.
const FONT_FILES: FontFile[] = [
  { name: PDF_FONT, style: "normal", file: "dejavu-fonts-ttf/ttf/DejaVuSans.ttf" },
  { name: PDF_FONT, style: "bold", file: "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf" },
  { name: PDF_CJK_FONT, style: "normal", file: "@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf" },
];

function packageFile(file: string): string {
  return path.join(/*turbopackIgnore: true*/ process.env.PDF_FONT_DIR ?? path.join(process.cwd(), "node_modules"), file);
}

export interface LoadedFont extends FontFile {
  vfsName: string;
  base64: string;
}

let loaded: LoadedFont[] | undefined;

/** The fonts as base64, read once per process (Noto Sans JP is 5.4 MB). */
export function pdfFonts(): LoadedFont[] {
  loaded ??= FONT_FILES.map((font) => ({
    ...font,
    vfsName: path.basename(font.file),
    base64: readFileSync(/*turbopackIgnore: true*/ packageFile(font.file)).toString("base64"),
  }));
  return loaded;
}

// Hiragana, katakana, CJK ideographs and punctuation, Hangul, full-width forms.
const CJK = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

/** The font a cell's text needs. */
export function fontFor(text: string): string {
  return CJK.test(text) ? PDF_CJK_FONT : PDF_FONT;
}
