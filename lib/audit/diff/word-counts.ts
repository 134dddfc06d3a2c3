// How many words a long text change removed and added, exactly as counted from jsdiff's diffWords
// parts (wordCountText in change-summary.ts), without building them. Summaries are made for every
// row of an export and of the Permissions tab: diffWords allocates about 100 KB for a pair of
// 470-character texts (a path and a change object per step of its search), which in a 1M-row Excel
// export pushed the heap past its target. This runs the same search, with the same tie-breaks and
// the same pruning, over token numbers in reused typed arrays, then counts the words of each run.
// word-counts.test.ts holds the two to the same counts on seeded edits and random texts.

/** Word characters as diffWords tokenizes them: ASCII letters, digits, _, and Latin letters. */
function isWordChar(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
  return (
    code === 0xad ||
    (code >= 0xc0 && code <= 0xd6) ||
    (code >= 0xd8 && code <= 0xf6) ||
    (code >= 0xf8 && code <= 0x2c6) ||
    (code >= 0x2c8 && code <= 0x2d7) ||
    (code >= 0x2de && code <= 0x2ff) ||
    (code >= 0x1e00 && code <= 0x1eff)
  );
}

/** JavaScript's \s: what trim() removes and split(/\s+/) splits on. */
function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * A text's tokens as diffWords makes them: a run of word characters, or any other single character
 * (a code point), each with the spaces around it; a text of nothing but spaces is one token, with
 * nothing in it but spaces. Kept as positions in typed arrays reused from call to call.
 */
class Tokens {
  text = "";
  length = 0;
  /** where each token's text starts and ends, its spaces left out */
  start = new Int32Array(256);
  end = new Int32Array(256);
  /** a hash of that text: tokens with different hashes differ */
  hash = new Int32Array(256);
  /** 1 where spaces stand between a token and the one before it */
  spaced = new Uint8Array(256);

  read(text: string): void {
    this.text = text;
    this.length = 0;
    let position = 0;
    let spaceBefore = false;
    while (position < text.length) {
      const code = text.codePointAt(position)!;
      const width = code > 0xffff ? 2 : 1;
      if (isSpace(code)) {
        spaceBefore = true;
        position += width;
        continue;
      }
      let end = position + width;
      if (isWordChar(code)) while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
      this.push(position, end, spaceBefore && this.length > 0);
      spaceBefore = false;
      position = end;
    }
    if (this.length === 0 && text.length > 0) this.push(0, 0, false);
  }

  /** Whether token `index` reads as token `other` of `tokens`, spaces aside. */
  same(index: number, tokens: Tokens, other: number): boolean {
    if (this.hash[index] !== tokens.hash[other]) return false;
    const length = this.end[index] - this.start[index];
    if (length !== tokens.end[other] - tokens.start[other]) return false;
    for (let offset = 0; offset < length; offset++) {
      if (this.text.charCodeAt(this.start[index] + offset) !== tokens.text.charCodeAt(tokens.start[other] + offset)) return false;
    }
    return true;
  }

  /** Gives back the arrays a very long text grew. */
  shrink(): void {
    if (this.start.length > KEEP) Object.assign(this, new Tokens());
  }

  /** Whether token `index` holds nothing but spaces (the whole of a text of spaces). */
  blank(index: number): boolean {
    return this.start[index] === this.end[index];
  }

  private push(start: number, end: number, spaced: boolean): void {
    if (this.length === this.start.length) this.grow();
    let hash = 0;
    for (let position = start; position < end; position++) hash = (Math.imul(hash, 31) + this.text.charCodeAt(position)) | 0;
    this.start[this.length] = start;
    this.end[this.length] = end;
    this.hash[this.length] = hash;
    this.spaced[this.length] = spaced ? 1 : 0;
    this.length++;
  }

  private grow(): void {
    [this.start, this.end, this.hash] = [this.start, this.end, this.hash].map(doubled);
    this.spaced = doubled(this.spaced);
  }
}

/** Arrays kept between calls up to this length; longer ones are dropped after the call. */
const KEEP = 1 << 16;
/**
 * Paths one search may keep (13 bytes each, 13.6 MB in all). The paths grow with the square of the
 * edits: about 1,400 edits between two texts fill it. Beyond, jsdiff counts (it frees dead paths).
 */
const MAX_PATHS = 1 << 20;

/** A typed array twice as long, starting with `array`'s values. */
function doubled<T extends Int32Array | Uint8Array>(array: T): T {
  const next = new (array.constructor as new (length: number) => T)(array.length * 2);
  next.set(array);
  return next;
}

/**
 * The search's paths, kept as a tree in typed arrays reused from call to call: each node is one
 * edit (an insertion or a removal) from its parent, then a run of tokens both texts share.
 */
class PathPool {
  parent = new Int32Array(1024);
  added = new Uint8Array(1024);
  common = new Int32Array(1024);
  oldPos = new Int32Array(1024);
  size = 0;

  reset(): void {
    this.size = 0;
  }

  /** Gives back the arrays a long search grew. */
  shrink(): void {
    if (this.parent.length > KEEP) Object.assign(this, new PathPool());
  }

  add(parent: number, added: boolean, oldPos: number): number {
    if (this.size === this.parent.length) this.grow();
    const node = this.size++;
    this.parent[node] = parent;
    this.added[node] = added ? 1 : 0;
    this.common[node] = 0;
    this.oldPos[node] = oldPos;
    return node;
  }

  private grow(): void {
    [this.parent, this.common, this.oldPos] = [this.parent, this.common, this.oldPos].map(doubled);
    this.added = doubled(this.added);
  }
}

const pool = new PathPool();
const oldTokens = new Tokens();
const newTokens = new Tokens();
const NONE = -1;
const ROOT = -2;
const TOO_LONG = -3;

/**
 * Myers's search as jsdiff runs it (lib diff/base.js): for each edit count, the diagonals from low
 * to high, an insertion taken from the diagonal above unless a removal from the one below reaches
 * further into the old text, dead ends pruned, diagonals past an edge of the edit graph dropped.
 * Returns the last node of the first path to reach both ends, NONE when the texts are equal,
 * TOO_LONG when the paths would pass MAX_PATHS.
 */
function search(old: Tokens, next: Tokens): number {
  const oldLength = old.length;
  const newLength = next.length;
  // Follows the tokens both texts share from the node's position on; returns the new text's position.
  const slide = (node: number, diagonal: number) => {
    let oldPos = pool.oldPos[node];
    let newPos = oldPos - diagonal;
    const from = oldPos;
    while (newPos + 1 < newLength && oldPos + 1 < oldLength && old.same(oldPos + 1, next, newPos + 1)) {
      oldPos++;
      newPos++;
    }
    pool.common[node] = oldPos - from;
    pool.oldPos[node] = oldPos;
    return newPos;
  };
  pool.reset();
  // The root: the tokens both texts start with. Its node keeps that run.
  const root = pool.add(ROOT, false, -1);
  const rootEnd = slide(root, 0);
  if (pool.oldPos[root] + 1 >= oldLength && rootEnd + 1 >= newLength) return NONE;
  const offset = oldLength + newLength + 1;
  const best = new Int32Array(2 * offset + 1).fill(NONE);
  best[offset] = root;
  let lowest = -Infinity;
  let highest = Infinity;
  for (let edits = 1; edits <= oldLength + newLength; edits++) {
    if (pool.size > MAX_PATHS) return TOO_LONG;
    for (let diagonal = Math.max(lowest, -edits); diagonal <= Math.min(highest, edits); diagonal += 2) {
      const removeFrom = best[offset + diagonal - 1];
      const addFrom = best[offset + diagonal + 1];
      if (removeFrom !== NONE) best[offset + diagonal - 1] = NONE;
      let canAdd = false;
      if (addFrom !== NONE) {
        const newPos = pool.oldPos[addFrom] - diagonal;
        canAdd = newPos >= 0 && newPos < newLength;
      }
      const canRemove = removeFrom !== NONE && pool.oldPos[removeFrom] + 1 < oldLength;
      if (!canAdd && !canRemove) {
        best[offset + diagonal] = NONE;
        continue;
      }
      const node =
        !canRemove || (canAdd && pool.oldPos[removeFrom] < pool.oldPos[addFrom])
          ? pool.add(addFrom, true, pool.oldPos[addFrom])
          : pool.add(removeFrom, false, pool.oldPos[removeFrom] + 1);
      const newPos = slide(node, diagonal);
      const oldEnded = pool.oldPos[node] + 1 >= oldLength;
      if (oldEnded && newPos + 1 >= newLength) return node;
      best[offset + diagonal] = node;
      if (oldEnded) highest = Math.min(highest, diagonal - 1);
      if (newPos + 1 >= newLength) lowest = Math.max(lowest, diagonal + 1);
    }
  }
  throw new Error("word counts: the search ended without reaching both ends");
}

/** Words in tokens [from, to) of a text: one, plus one for each space between two of them. */
function wordsIn(tokens: Tokens, from: number, to: number): number {
  if (to - from === 1 && tokens.blank(from)) return 0;
  let words = 1;
  for (let index = from + 1; index < to; index++) if (tokens.spaced[index]) words++;
  return words;
}

/**
 * The words removed from `before` and added in `after`, as wordCountText counts them in the
 * parts diffWords returns: each part's text split at spaces. A part is a run of removed (or added)
 * tokens with no shared token and no edit of the other kind between them. Null for texts too far
 * apart for MAX_PATHS: count jsdiff's parts then.
 */
export function wordChangeCounts(before: string, after: string): { removed: number; added: number } | null {
  try {
    oldTokens.read(before);
    newTokens.read(after);
    const last = search(oldTokens, newTokens);
    if (last === TOO_LONG) return null;
    return last === NONE ? { removed: 0, added: 0 } : countRuns(last);
  } finally {
    pool.shrink();
    oldTokens.shrink();
    newTokens.shrink();
  }
}

/**
 * The words of each edit run on the path that ends at `last`, followed from the root: a run ends
 * where the kind of edit changes or a shared run follows.
 */
function countRuns(last: number): { removed: number; added: number } {
  const path: number[] = [];
  for (let node = last; node >= 0; node = pool.parent[node]) path.push(node);
  path.reverse();
  let removed = 0;
  let added = 0;
  let oldPos = pool.common[path[0]];
  let newPos = oldPos;
  let runStart = 0;
  for (let step = 1; step < path.length; step++) {
    const node = path[step];
    const isAdd = pool.added[node] === 1;
    const previous = path[step - 1];
    const continues = step > 1 && pool.common[previous] === 0 && pool.added[previous] === pool.added[node];
    if (!continues) runStart = isAdd ? newPos : oldPos;
    if (isAdd) newPos++;
    else oldPos++;
    const runEnds = pool.common[node] > 0 || step === path.length - 1 || pool.added[path[step + 1]] !== pool.added[node];
    if (runEnds) {
      if (isAdd) added += wordsIn(newTokens, runStart, newPos);
      else removed += wordsIn(oldTokens, runStart, oldPos);
    }
    oldPos += pool.common[node];
    newPos += pool.common[node];
  }
  return { removed, added };
}
