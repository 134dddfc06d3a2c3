// The letters an avatar shows when there is no picture: the first letter or digit of the first and
// of the last word of a name. Punctuation never counts, so "create-admin (root)" is "CR", not "C(".

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function firstLetter(word: string): string | null {
  return LETTER_OR_DIGIT.exec(word)?.[0] ?? null;
}

/** "Zoë Müller" → "ZM"; "create-admin (root)" → "CR"; "山田 太郎" → "山太"; a name without letters → "?". */
export function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .map(firstLetter)
    .filter((letter): letter is string => letter !== null);
  const shown = letters.length > 1 ? [letters[0], letters[letters.length - 1]] : letters;
  return shown.join("").toLocaleUpperCase() || "?";
}
