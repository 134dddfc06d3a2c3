// Edits people make to texts they already wrote: a number corrected, a word swapped, a sentence
// added or dropped, a qualifier tacked on. The old and new texts differ by a few words, which is
// what the diff view's word-level highlighting is for.
import type { ProjectSpec } from "./catalog";
import type { Random } from "./random";
import { extraSentence, type Family } from "./text";

const SYNONYMS: Record<string, string> = {
  shall: "must",
  must: "shall",
  alarm: "alert",
  alert: "alarm",
  fault: "failure",
  failure: "fault",
  device: "unit",
  unit: "device",
  operator: "user",
  user: "operator",
  observe: "monitor",
  monitor: "observe",
  shows: "displays",
  displays: "shows",
  roughly: "about",
  about: "roughly",
  problem: "issue",
  issue: "problem",
  verify: "confirm",
  confirm: "verify",
  serious: "critical",
  critical: "serious",
  remote: "improbable",
  improbable: "remote",
};
/** The values numbers in the texts come from: an edit moves to a neighbour, so values stay plausible. */
const STEPS = [1, 2, 3, 5, 7, 10, 15, 20, 25, 30, 40, 45, 50, 60, 72, 90, 100, 120, 150, 200, 250, 300, 500];
const QUALIFIERS = [
  " under full load",
  " in every operating mode",
  " after a warm restart",
  " on the production hardware",
  " at the lowest supported temperature",
];
const DROPPABLE = /\b(always |immediately |consistently |reliably |at least |roughly )/;
/** What people append to a name they revise, by the kind of thing named. */
const NAME_SUFFIXES: Record<Family, string[]> = {
  bug: [" (intermittent)", " on cold start", " after firmware update", " in service mode", " – customer escalation"],
  requirement: [" in all operating modes", " (safety-related)", " during start-up", " [derived]"],
  task: [" (follow-up)", " – part 2", " before code freeze", " (spike)"],
  test: [" (automated)", " on target hardware", " – regression"],
  risk: [" (field data)", " during maintenance", " in home use"],
  change: [" (urgent)", " for the next release", " – revised"],
  release: [" (postponed)", " – certification build"],
  document: [" (draft)", " – rev B", " (superseded)"],
  wiki: [" (outdated)", " – updated", " (draft)"],
  role: [" (external)", " (legacy)"],
};

/** Moves a standalone number (not a version like 4.2.118) one step up or down. */
function changeNumber(text: string, rng: Random): string | null {
  const matches = [...text.matchAll(/(?<![\d.])\d+(?![\d.]\d)/g)];
  if (matches.length === 0) return null;
  const match = rng.pick(matches);
  const value = Number(match[0]);
  const below = STEPS.filter((step) => step < value).at(-1);
  const above = STEPS.find((step) => step > value);
  const next = below === undefined ? above! : above === undefined ? below : rng.chance(0.5) ? below : above;
  return text.slice(0, match.index) + String(next) + text.slice(match.index + match[0].length);
}

function swapWord(text: string, rng: Random): string | null {
  const matches = [...text.matchAll(/\b[a-z]+\b/g)].filter((match) => SYNONYMS[match[0]]);
  if (matches.length === 0) return null;
  const match = rng.pick(matches);
  return text.slice(0, match.index) + SYNONYMS[match[0]] + text.slice(match.index + match[0].length);
}

function addQualifier(sentence: string, rng: Random): string | null {
  if (!sentence.endsWith(".") || QUALIFIERS.some((qualifier) => sentence.includes(qualifier))) return null;
  return `${sentence.slice(0, -1)}${rng.pick(QUALIFIERS)}.`;
}

function dropQualifier(sentence: string): string | null {
  const qualifier = QUALIFIERS.find((candidate) => sentence.includes(candidate));
  if (qualifier) return sentence.replace(qualifier, "");
  return DROPPABLE.test(sentence) ? sentence.replace(DROPPABLE, "") : null;
}

/** The text after one to three small edits; never equal to `text`. */
export function editLongText(text: string, family: Family, project: ProjectSpec, rng: Random): string {
  const paragraphs = text.split("\n\n").map((paragraph) => paragraph.split(/(?<=[.!?])\s+/));
  const sentenceCount = paragraphs.reduce((count, sentences) => count + sentences.length, 0);
  const edits = rng.int(1, 3);
  for (let done = 0, attempts = 0; done < edits && attempts < 20; attempts++) {
    const paragraph = rng.pick(paragraphs);
    const at = rng.int(0, paragraph.length - 1);
    const roll = rng.next();
    let edited: string | null = null;
    if (roll < 0.16 && text.length < 900) {
      const sentence = extraSentence(family, project, rng);
      if (!text.includes(sentence)) {
        paragraph.splice(at + 1, 0, sentence);
        done++;
      }
      continue;
    }
    if (roll < 0.32 && paragraph.length > 1 && sentenceCount > 2) {
      paragraph.splice(at, 1);
      done++;
      continue;
    }
    if (roll < 0.52) edited = changeNumber(paragraph[at], rng);
    else if (roll < 0.78) edited = swapWord(paragraph[at], rng);
    else if (roll < 0.9) edited = addQualifier(paragraph[at], rng);
    else edited = dropQualifier(paragraph[at]);
    if (edited !== null && edited !== paragraph[at]) {
      paragraph[at] = edited;
      done++;
    }
  }
  const result = paragraphs.map((sentences) => sentences.join(" ")).join("\n\n");
  return result === text ? `${text} ${extraSentence(family, project, rng)}` : result;
}

/** A summary or name reworded a little; never equal to `summary`. */
export function editSummary(summary: string, family: Family, rng: Random): string {
  const suffixes = NAME_SUFFIXES[family];
  const suffix = suffixes.find((candidate) => summary.endsWith(candidate));
  if (suffix && rng.chance(0.5)) return summary.slice(0, -suffix.length);
  const roll = rng.next();
  const edited = roll < 0.4 ? changeNumber(summary, rng) : roll < 0.7 ? swapWord(summary, rng) : null;
  if (edited && edited !== summary) return edited;
  return suffix ? summary.slice(0, -suffix.length) : summary + rng.pick(suffixes);
}
