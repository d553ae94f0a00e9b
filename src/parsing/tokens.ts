// Word tokens with offsets; the party grammar and the role rules walk these instead of
// running long regexes over the text, which keeps every rule linear.

export interface Token {
  /** as written */
  w: string;
  /** lower case */
  lo: string;
  start: number;
  end: number;
  word: boolean;
  /** first letter upper case */
  cap: boolean;
  /** every letter upper case (abbreviations, headers) */
  caps: boolean;
}

const TOKEN = /([\p{L}\p{M}\p{N}]+)|[^\s\p{L}\p{M}\p{N}]/gu;

// Vietnamese has no locale-specific case rules, so the plain (fast) case mappings are right.
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const w = m[0];
    const word = m[1] !== undefined;
    const lo = w.toLowerCase();
    const cap = word && w[0] !== lo[0];
    out.push({
      w,
      lo,
      start: m.index,
      end: m.index + w.length,
      word,
      cap,
      caps: cap && w === w.toUpperCase(),
    });
  }
  return out;
}

export function phrase(s: string): string[] {
  return tokenize(s).map((t) => t.lo);
}

/** index after the phrase if tokens at i spell it (case-insensitive), else -1 */
export function matchAt(tokens: Token[], i: number, p: string[]): number {
  if (i + p.length > tokens.length) return -1;
  for (let k = 0; k < p.length; k++) if (tokens[i + k].lo !== p[k]) return -1;
  return i + p.length;
}

/** A set of phrases indexed by first word, so matching at a position is O(candidates). */
export class PhraseSet {
  private readonly byFirst = new Map<string, { words: string[]; index: number }[]>();

  constructor(readonly list: string[]) {
    list.forEach((text, index) => {
      const words = phrase(text);
      if (!words.length) return;
      const bucket = this.byFirst.get(words[0]) ?? [];
      bucket.push({ words, index });
      bucket.sort((a, b) => b.words.length - a.words.length);
      this.byFirst.set(words[0], bucket);
    });
  }

  /** longest phrase matching at i: its end index and its position in the list */
  match(tokens: Token[], i: number): { end: number; index: number } | null {
    if (i >= tokens.length) return null;
    const bucket = this.byFirst.get(tokens[i].lo);
    if (!bucket) return null;
    for (const p of bucket) {
      const end = matchAt(tokens, i, p.words);
      if (end > 0) return { end, index: p.index };
    }
    return null;
  }
}
