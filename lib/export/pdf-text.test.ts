import { describe, expect, it } from "vitest";
import { PDF_FONT, pdfFontOrder } from "./pdf-fonts";
import { fontRuns, fontsUsed, isPlainLatin, PLACEHOLDER, printable, visualOrder } from "./pdf-text";

const fontsOf = (text: string) => fontRuns(printable(text)).map((run) => run.font);

describe("the font of each run", () => {
  it("draws a name wholly in the first font that has every character of it", () => {
    expect(fontsOf("Zoë Łukasz Ελένη Дмитрий דוד")).toEqual([PDF_FONT]);
    expect(fontsOf("山田")).toEqual(["NotoSansJP"]);
    // Noto Sans JP has 王 but not 伟: the whole name goes to Noto Sans SC, not half to each.
    expect(fontsOf("王伟")).toEqual(["NotoSansSC"]);
    expect(fontsOf("김민준")).toEqual(["NotoSansKR"]);
    expect(fontsOf("สมชาย")).toEqual(["NotoSansThai"]);
    expect(fontsOf("राहुल")).toEqual(["NotoSansDevanagari"]);
  });

  it("switches fonts between the words of a mixed text", () => {
    expect(fontRuns("Łukasz 김민준 (@minjun)").map((run) => [run.text, run.font])).toEqual([
      ["Łukasz ", PDF_FONT],
      ["김민준 ", "NotoSansKR"],
      ["(@minjun)", PDF_FONT],
    ]);
  });

  it("names only the fonts a document uses", () => {
    expect(fontsUsed(["Zoë Müller", "Work Item Update"])).toEqual(new Set([PDF_FONT]));
    expect(fontsUsed(["Zoë", "김민준", "王伟"])).toEqual(new Set([PDF_FONT, "NotoSansKR", "NotoSansSC"]));
  });

  it("takes as plain Latin only what DejaVu Sans has", () => {
    const dejaVu = pdfFontOrder[0];
    for (let code = 0x20; code <= 0x17f; code += 1) {
      if (isPlainLatin(String.fromCodePoint(code))) expect(dejaVu.has(code), `U+${code.toString(16)}`).toBe(true);
    }
  });
});

describe("printable text", () => {
  it("shows each emoji, with its joiners and modifiers, as one placeholder", () => {
    expect(printable("Anna 🎉")).toBe(`Anna ${PLACEHOLDER}`);
    expect(printable("👩🏽‍💻 dev")).toBe(`${PLACEHOLDER} dev`);
    // A symbol DejaVu Sans has stays, without the emoji variation selector no font has.
    expect(printable("❤️")).toBe("❤");
  });

  it("keeps every character of the scripts the fonts have, and drops invisible controls", () => {
    for (const name of ["Zoë Müller", "Ελένη", "Дмитрий", "דוד כהן", "王伟", "張偉", "山田 太郎", "김민준", "สมชาย ใจดี", "राहुल शर्मा"]) {
      expect(printable(name)).toBe(name);
    }
    expect(printable("a\u0007b\tc")).toBe("ab c");
  });

  it("gives Arabic letters their contextual forms (jsPDF's shaper)", () => {
    const shaped = printable("محمد");
    expect(shaped).not.toBe("محمد");
    expect(shaped.normalize("NFKC")).toBe("محمد");
  });
});

describe("visual order", () => {
  it("leaves left-to-right text alone", () => {
    expect(visualOrder("Zoë (@zoe)")).toBe("Zoë (@zoe)");
  });

  it("reverses a right-to-left name, words and letters", () => {
    expect(visualOrder("דוד כהן")).toBe("ןהכ דוד");
  });

  it("keeps a right-to-left name in place inside left-to-right text, and numbers in their order", () => {
    expect(visualOrder("Impacted User: דוד כהן (Enabled)")).toBe("Impacted User: ןהכ דוד (Enabled)");
    expect(visualOrder("דוד 42")).toBe("42 דוד");
  });

  it("mirrors brackets inside right-to-left text", () => {
    expect(visualOrder("דוד (כהן)")).toBe("(ןהכ) דוד");
  });
});
