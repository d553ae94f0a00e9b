// Clauses of a section, by its numbering: "1.", "1)", "1.1.", "a)", dashes. The styles nest
// in the order they first appear. An item that only introduces its sub-items ("1. Sở Nội vụ:"
// then dashes) gives one clause per sub-item, which inherits the item's subject; any other item
// is one clause with its sub-items' text.

import type { Line } from './normalize.js';
import { headingOf } from './sections.js';

export interface RawClause {
  ordinal: string;
  text: string;
  start: number;
  end: number;
  /** text of the introducing item, whose subject the clause inherits */
  inherited: string | null;
}

interface Item {
  style: string;
  label: string;
  lines: Line[];
  /** offset of the text after the label */
  textStart: number;
  children: Item[];
}

const DASH = /^([-–—+•*])\s*/u;

function labelOf(t: string): { style: string; label: string; skip: number } | null {
  const h = headingOf(t);
  if (h && (h.rank === 'arabic' || h.rank === 'arabic2' || h.rank === 'alpha')) {
    return { style: h.rank, label: h.label ?? '', skip: t.length - h.rest.length };
  }
  const d = DASH.exec(t);
  if (d && t.length > d[0].length)
    return { style: `dash${d[1] === '+' ? '+' : ''}`, label: '', skip: d[0].length };
  return null;
}

export function sliceText(source: string, start: number, end: number): string {
  return source.slice(start, end).replace(/\s+/g, ' ').trim();
}

export function buildClauses(
  source: string,
  lines: Line[],
  intro: { text: string; start: number; end: number } | null,
  isIntroduction: (text: string) => boolean,
): RawClause[] {
  const items: Item[] = [];
  const preamble: Line[] = [];
  const styles: string[] = [];
  for (const line of lines) {
    if (!line.text) continue;
    const label = labelOf(line.text);
    if (label) {
      if (!styles.includes(label.style)) styles.push(label.style);
      items.push({
        style: label.style,
        label: label.label,
        lines: [line],
        textStart: line.start + label.skip,
        children: [],
      });
    } else if (items.length) items[items.length - 1].lines.push(line);
    else preamble.push(line);
  }
  if (!items.length) {
    // no numbering: the heading's own text, then each paragraph, is a clause
    const out: RawClause[] = [];
    if (intro) out.push({ ordinal: '1', ...intro, inherited: null });
    for (const l of preamble) {
      out.push({
        ordinal: String(out.length + 1),
        text: sliceText(source, l.start, l.end),
        start: l.start,
        end: l.end,
        inherited: null,
      });
    }
    return out;
  }
  // nest by the order styles first appear
  const roots: Item[] = [];
  const stack: Item[] = [];
  for (const item of items) {
    const level = styles.indexOf(item.style);
    while (stack.length && styles.indexOf(stack[stack.length - 1].style) >= level) stack.pop();
    if (stack.length) stack[stack.length - 1].children.push(item);
    else roots.push(item);
    stack.push(item);
  }
  const out: RawClause[] = [];
  const emit = (list: Item[], prefix: string, inherited: string | null) => {
    let dash = 0;
    for (const item of list) {
      const own = item.style.startsWith('dash') ? String(++dash) : item.label;
      // "1.1." under "1." is already numbered in full
      const ordinal = !prefix || own.startsWith(`${prefix}.`) ? own : `${prefix}.${own}`;
      const ownEnd = item.lines[item.lines.length - 1].end;
      const ownText = sliceText(source, item.textStart, ownEnd);
      // sub-items in lower case finish the item's sentence; they are not tasks of their own
      const fragments = item.children.every((c) => /^\p{Ll}/u.test(source[c.textStart] ?? ''));
      if (item.children.length && !fragments && isIntroduction(ownText)) {
        emit(item.children, ordinal, ownText);
        continue;
      }
      const end = lastEnd(item);
      out.push({
        ordinal,
        text: sliceText(source, item.textStart, end),
        start: item.textStart,
        end,
        inherited,
      });
    }
  };
  emit(roots, '', intro && isIntroduction(intro.text) ? intro.text : null);
  return out;
}

function lastEnd(item: Item): number {
  if (item.children.length) return lastEnd(item.children[item.children.length - 1]);
  return item.lines[item.lines.length - 1].end;
}
