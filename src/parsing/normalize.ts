// Input normalization. Everything downstream works on this text, and clause offsets point
// into it, so it must be deterministic and each step linear in the input.

import { isAllCaps } from './text-util.js';

const PRIVATE_STAR = '\uE000';

// Old-style tone placement ("hoà", "uỷ") → the style the catalogs use ("hòa", "ủy"). Only
// at the end of a syllable: with a final consonant ("hoàn") both styles agree.
const OLD_TONE = /(?<![qQ])([oOuU])([àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?![\p{L}\p{M}])/gu;

function moveTone(match: string, first: string, second: string): string {
  const decomposed = second.normalize('NFD');
  const base = decomposed[0];
  const isPair = /[oO]/.test(first) ? /[aAeE]/.test(base) : /[yY]/.test(base);
  if (!isPair) return match;
  return (first + decomposed.slice(1)).normalize('NFC') + base;
}

export function normalizeSpelling(text: string): string {
  return text.replace(OLD_TONE, moveTone);
}

function stripMarkdown(line: string): string {
  let s = line;
  s = s.replace(/\\\*/g, PRIVATE_STAR).replace(/\\([_#\-.()[\]!+`\\>])/g, '$1');
  s = s.replace(/^\s{0,3}#{1,6}\s+/, '');
  s = s.replace(/^\s*>\s?/, '');
  s = s.replace(/^(\s*)\*\s+(?=\S)/, '$1- ');
  // superscript 2/3 after a unit of length is an exponent, anything else a footnote marker
  s = s.replace(
    /(\b(?:k|c|d)?m)<sup>\s*([23])\s*<\/sup>/g,
    (_m, unit: string, n: string) => unit + (n === '2' ? '²' : '³'),
  );
  s = s.replace(/<sup>[^<]{0,12}<\/sup>/g, '');
  s = s.replace(/\[\^[^\]]{1,12}\]/g, '');
  s = s.replace(/<\/?(?:sub|b|i|u|strong|em|span|br|p|div)\b[^>]{0,200}>/gi, '');
  s = s.replace(/\*{4}/g, ' ');
  s = s.replace(/\*{2,3}/g, '');
  s = s.replace(/(^|[\s(“"'])\*(?=\S)([^*\n]*?\S)\*(?=$|[\s.,;:!?)”"'])/g, '$1$2');
  s = s.replace(/(^|\s)__(?=\S)([^_\n]*?\S)__(?=$|\s|[.,;:])/g, '$1$2');
  return s.split(PRIVATE_STAR).join('*');
}

const FOOTNOTE_BODY = /^\s*(?:<sup>\s*\d{1,3}\s*<\/sup>|\[\^\d{1,3}\]:)/;
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:trang\s+)?\d{1,3}(?:\s*\/\s*\d{1,3})?(?:\s*[-–—])?$/i;
const SEPARATOR = /^(?:[-_=–—~·•.]\s*){3,}$|^(?:\*\s*){3,}$/;
const TERMINAL = /(?:[.;:!?…]|\.\/\.)$/;

// A paragraph broken by a page break (blank lines, a page number, a separator) continues on
// a line that starts in lower case, or with a number that is not a list label.
function continues(prev: string, next: string): boolean {
  if (TERMINAL.test(prev) || isAllCaps(prev)) return false;
  if (/^\p{Ll}/u.test(next)) return !/^[a-zđ][.)]\s/.test(next);
  if (/^\d/.test(next)) {
    if (/^\d+(?:\.\d+)*[.)](?:\s|$)/.test(next)) return false;
    return /\p{Ll}$/u.test(prev) && /^\d+(?:[.,]\d+)*(?:%|\s|\/)/.test(next);
  }
  return false;
}

// HTML comments (a note at the top of a markdown file) are not part of the document
function stripComments(text: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = text.indexOf('<!--', at);
    if (open < 0) break;
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break;
    out += text.slice(at, open);
    at = close + 3;
  }
  return out + text.slice(at);
}

export function normalize(raw: string): string {
  let text = raw.replace(/^\uFEFF/, '').normalize('NFC');
  text = text.replace(/\r\n?/g, '\n');
  text = text.replace(/[\u00A0\u2007\u202F\u2000-\u200A\u3000\t\f\v]/g, ' ');
  text = text.replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '');
  text = text.replace(/[“”„‟«»]/g, '"').replace(/[‘’‚‛]/g, "'");
  text = normalizeSpelling(text);
  text = stripComments(text);

  const lines = text.split('\n');
  const cleaned: string[] = [];
  for (const line of lines) {
    if (FOOTNOTE_BODY.test(line)) continue;
    const s = stripMarkdown(line).replace(/ {2,}/g, ' ').trim();
    cleaned.push(SEPARATOR.test(s) ? '' : s);
  }
  // a lone page number next to a blank line (the page's edge) is a page-break artefact
  for (let i = 0; i < cleaned.length; i++) {
    if (!cleaned[i] || !PAGE_NUMBER.test(cleaned[i])) continue;
    const before = i === 0 || cleaned[i - 1] === '';
    const after = i === cleaned.length - 1 || cleaned[i + 1] === '';
    if (before || after) cleaned[i] = '';
  }

  const out: string[] = [];
  let lastText = -1;
  let blanks = 0;
  for (const line of cleaned) {
    if (line === '') {
      blanks++;
      continue;
    }
    if (blanks > 0 && lastText >= 0 && continues(out[lastText], line)) {
      out.length = lastText + 1;
      out[lastText] = `${out[lastText]} ${line}`;
    } else {
      if (blanks > 0 && out.length > 0) out.push('');
      out.push(line);
      lastText = out.length - 1;
    }
    blanks = 0;
  }
  return out.join('\n');
}

export interface Line {
  text: string;
  start: number;
  end: number;
}

export function toLines(text: string, from = 0, to = text.length): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start <= to) {
    let end = text.indexOf('\n', start);
    if (end < 0 || end > to) end = to;
    lines.push({ text: text.slice(start, end), start, end });
    start = end + 1;
  }
  return lines;
}
