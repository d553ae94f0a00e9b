// Where each clause sits in the document's text. The API's offsets are used when the text at
// them is the clause; otherwise (a source stored before normalization, with markdown marks)
// the clause is found by its words, ignoring emphasis marks and spacing.

export interface Located {
  id: string;
  start: number;
  end: number;
}

const IGNORED = /[*_`#>]/;
const SPACE = /\s/;

function loose(text: string): { chars: string; map: number[] } {
  let chars = '';
  const map: number[] = [];
  let lastSpace = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (IGNORED.test(ch)) continue;
    if (SPACE.test(ch)) {
      if (lastSpace) continue;
      chars += ' ';
      map.push(i);
      lastSpace = true;
      continue;
    }
    chars += ch.toLowerCase();
    map.push(i);
    lastSpace = false;
  }
  return { chars, map };
}

export function locateClauses(
  text: string,
  clauses: { id: string; text: string; start: number; end: number }[],
): Located[] {
  const source = loose(text.normalize('NFC'));
  const found: Located[] = [];
  let from = 0;
  for (const clause of clauses) {
    const want = loose(clause.text.normalize('NFC')).chars.trim();
    if (!want) continue;
    const atOffsets = loose(text.slice(clause.start, clause.end)).chars.trim();
    if (atOffsets === want && clause.end <= text.length) {
      found.push({ id: clause.id, start: clause.start, end: clause.end });
      continue;
    }
    let at = source.chars.indexOf(want, from);
    let length = want.length;
    if (at < 0) {
      // The clause's text was cleaned up by the parser: match its beginning at least.
      const head = want.slice(0, Math.min(60, want.length));
      at = source.chars.indexOf(head, from);
      length = head.length;
    }
    if (at < 0) continue;
    const start = source.map[at];
    const end = source.map[at + length - 1] + 1;
    found.push({ id: clause.id, start, end });
    from = at + length;
  }
  return found.sort((a, b) => a.start - b.start);
}
