import { describe, expect, it } from "vitest";
import { PROJECTS } from "@/lib/seed/catalog";
import { Random } from "@/lib/seed/random";
import { longText, type Family } from "@/lib/seed/text";
import { editLongText } from "@/lib/seed/text-edits";
import { wordParts } from "./change-diff";
import { summarizeChanges, wordCountText } from "./change-summary";
import { wordChangeCounts } from "./word-counts";

/** What the diff view says, from jsdiff's parts: the counts the lean search must give. */
const fromParts = (before: string, after: string) => wordCountText(wordParts(before, after));
const lean = (before: string, after: string) => {
  const counts = wordChangeCounts(before, after);
  if (!counts) throw new Error("too far apart for the lean search");
  return `${counts.removed} ${counts.removed === 1 ? "word" : "words"} removed, ${counts.added} added`;
};

/** A text of words, punctuation, numbers, names and mixed spacing, drawn from a small stock so texts share words. */
function randomText(rng: Random): string {
  const stock = ["pump", "stop", "the", "The", "valve", "Zoë", "Łukasz", "山田", "太郎", "2.5", "v3", "e-mail", "don't", "😀", "x_y", "ÿ", "ǅ", "½"];
  const marks = [".", ",", ";", "!", "?", "(", ")", '"', "–", "/", ":"];
  const spaces = [" ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", " \n ", "\u3000", ""];
  const parts: string[] = [];
  if (rng.chance(0.1)) parts.push(rng.pick(spaces));
  for (let count = rng.int(0, 14); count > 0; count--) {
    parts.push(rng.chance(0.75) ? rng.pick(stock) : rng.pick(marks));
    parts.push(rng.pick(spaces));
  }
  return parts.join("");
}

/** A few random edits to `text`: words dropped, inserted or swapped, spacing changed. */
function editedText(text: string, rng: Random): string {
  const pieces = text.split(/(\s+)/);
  for (let edits = rng.int(1, 4); edits > 0; edits--) {
    const at = rng.int(0, pieces.length);
    const roll = rng.next();
    if (roll < 0.3) pieces.splice(at, 1);
    else if (roll < 0.7) pieces.splice(at, 0, " ", randomText(rng).trim());
    else pieces[at] = rng.chance(0.5) ? "\n" : randomText(rng);
  }
  return pieces.join("");
}

describe("word counts of a long text change", () => {
  it("counts words as the diff view's parts do", () => {
    expect(lean("The pump shall stop.", "The pump must stop at once.")).toBe("1 word removed, 3 added");
    expect(lean("Stops in 5 seconds.", "Stops in 5 seconds")).toBe(fromParts("Stops in 5 seconds.", "Stops in 5 seconds"));
    expect(lean("", "New text here")).toBe("0 words removed, 3 added");
    expect(lean("Old text", "")).toBe("2 words removed, 0 added");
    expect(lean("same", "same")).toBe("0 words removed, 0 added");
    expect(lean("   ", "word")).toBe(fromParts("   ", "word"));
    expect(lean("a  b", "a b")).toBe("0 words removed, 0 added");
  });

  it("gives the diff view's counts for 3,000 seeded edits of long texts", () => {
    const rng = new Random(4);
    const families: Family[] = ["bug", "requirement", "task", "test", "risk", "change", "release", "document", "wiki", "role"];
    let differing = 0;
    for (let pair = 0; pair < 3000; pair++) {
      const before = longText(rng.pick(families), rng.pick(PROJECTS), rng);
      const after = editLongText(before, rng.pick(families), rng.pick(PROJECTS), rng);
      if (lean(before, after) !== fromParts(before, after)) differing++;
    }
    expect(differing).toBe(0);
  });

  it("gives the diff view's counts for 20,000 random texts with punctuation, names and odd spacing", () => {
    const rng = new Random(11);
    const differing: Array<[string, string]> = [];
    for (let pair = 0; pair < 20_000; pair++) {
      const before = randomText(rng);
      const after = rng.chance(0.2) ? randomText(rng) : editedText(before, rng);
      if (lean(before, after) !== fromParts(before, after)) differing.push([before, after]);
    }
    expect(differing.slice(0, 3)).toEqual([]);
  });

  it("leaves texts too far apart to jsdiff, whose counts the summaries then give", () => {
    const words = (prefix: string) => Array.from({ length: 1_500 }, (_, index) => `${prefix}${index}`).join(" ");
    const [before, after] = [words("old"), words("new")];
    expect(wordChangeCounts(before, after)).toBeNull();
    const summary = summarizeChanges([{ field: "Description", kind: "longtext", old: before, new: after }], "update");
    expect(summary).toEqual([{ field: "Description", text: "1500 words removed, 1500 added" }]);
    // Within reach again at once: the long search left nothing behind that changes the next count.
    expect(lean("The pump shall stop.", "The pump must stop at once.")).toBe("1 word removed, 3 added");
  });
});
