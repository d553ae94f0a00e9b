// Sections of the body: "Tổ chức thực hiện" in any of its forms (a Roman or Arabic numbered
// heading, "Phần thứ …", "Điều 2. Tổ chức thực hiện" of a quyết định, upper or mixed case), and
// "Mục tiêu cụ thể". A section runs to the next heading of its rank, the closing formula
// ("Nghị quyết này ..."), or the closing block.

import type { Line } from './normalize.js';
import { NOI_NHAN, SIGNATURE } from './split-documents.js';
import { isAllCaps } from './text-util.js';

export interface Section {
  /** "IV", "Phần thứ tư", "Điều 2", or null */
  label: string | null;
  /** the heading's own text after the label (a "Điều" may carry text on its line) */
  headingRest: string;
  /** offset of headingRest in the source */
  headingRestStart: number;
  /** body lines (the heading excluded) */
  lines: Line[];
  headingIndex: number;
  /** for a requested list, the request whose addressees lead items that name no one */
  inherit?: string;
}

type Rank = 'roman' | 'part' | 'article' | 'arabic' | 'arabic2' | 'alpha' | 'plain';

interface Heading {
  rank: Rank;
  label: string | null;
  rest: string;
}

const TCTH =
  /^(?:(?:việc\s+)?tổ chức thực hiện|tổ chức triển khai(?: thực hiện)?|trách nhiệm thực hiện|phân công (?:nhiệm vụ|thực hiện|tổ chức thực hiện)|triển khai thực hiện)(?:\s+(?:và|,)\s+[\p{L}\s,]{1,50})?\s*[.:]?$/iu;

export function headingOf(t: string): Heading | null {
  let m = /^([IVXL]+)\s*[.\-–)]\s*(.*)$/u.exec(t);
  if (m) return { rank: 'roman', label: m[1], rest: m[2] };
  m =
    /^(Phần thứ\s+\p{L}+|PHẦN THỨ\s+\p{L}+|Phần\s+[IVX\d]+|PHẦN\s+[IVX\d]+)\s*[.:\-–]?\s*(.*)$/u.exec(
      t,
    );
  if (m)
    return {
      rank: 'part',
      label: m[1]
        .replace(/^PHẦN THỨ/u, 'Phần thứ')
        .replace(/(?<=Phần thứ )\p{L}+/u, (w) => w.toLocaleLowerCase('vi')),
      rest: m[2],
    };
  m = /^(Điều\s+\d+)\s*[.:]\s*(.*)$/u.exec(t);
  if (m) return { rank: 'article', label: m[1], rest: m[2] };
  m = /^(\d+\.\d+)\.?\s+(.*)$/u.exec(t);
  if (m) return { rank: 'arabic2', label: m[1], rest: m[2] };
  m = /^(\d+)\s*[.)]\s*(.*)$/u.exec(t);
  if (m) return { rank: 'arabic', label: m[1], rest: m[2] };
  m = /^([a-zđ])\)\s*(.*)$/u.exec(t);
  if (m) return { rank: 'alpha', label: m[1], rest: m[2] };
  return null;
}

function isTitleLike(rest: string): boolean {
  return rest.length < 140 && !/[.;]$/.test(rest);
}

export const CLOSING_FORMULA =
  /^(?:Nghị quyết|Chỉ thị|Kế hoạch|Quyết định|Chương trình|Kết luận|Quy định|Hướng dẫn|Thông báo|Công văn|Quy chế|Đề án)\s+này\b/u;

export function endsSection(t: string, rank: Rank): boolean {
  if (NOI_NHAN.test(t) || SIGNATURE.test(t) || CLOSING_FORMULA.test(t)) return true;
  if (/^(?:PHỤ LỤC|Phụ lục\s+\d)/u.test(t)) return true;
  // the closing paragraph of a plan: how to raise difficulties, not a task of its own
  if (/^Trong quá trình (?:tổ chức )?(?:triển khai )?thực hiện/u.test(t)) return true;
  const h = headingOf(t);
  if (!h) return false;
  if (rank === 'roman') return h.rank === 'roman' || h.rank === 'part';
  if (rank === 'part') return h.rank === 'part';
  if (rank === 'article') return h.rank === 'article';
  if (rank === 'arabic') {
    return h.rank === 'roman' || h.rank === 'part' || (h.rank === 'arabic' && isAllCaps(h.rest));
  }
  return h.rank === 'roman' || h.rank === 'part';
}

function sectionAt(
  lines: Line[],
  i: number,
  h: Heading,
  label: string | null,
  rank: Rank,
): Section {
  const body: Line[] = [];
  for (let k = i + 1; k < lines.length; k++) {
    const t = lines[k].text;
    if (t && endsSection(t, rank)) break;
    body.push(lines[k]);
  }
  const line = lines[i];
  const restStart = h.rest ? line.start + line.text.lastIndexOf(h.rest) : line.end;
  return { label, headingRest: h.rest, headingRestStart: restStart, lines: body, headingIndex: i };
}

/** the "Tổ chức thực hiện" section, or null */
export function findOrganizationSection(lines: Line[], from = 0): Section | null {
  return findSection(lines, from, true) ?? findSection(lines, from, false);
}

function findSection(lines: Line[], from: number, topOnly: boolean): Section | null {
  for (let i = from; i < lines.length; i++) {
    const t = lines[i].text;
    if (!t) continue;
    const h = headingOf(t);
    const ranks = topOnly ? ['roman', 'part'] : ['arabic', 'arabic2'];
    if (h && ranks.includes(h.rank)) {
      if (TCTH.test(h.rest) && isTitleLike(h.rest)) {
        const label = h.rank === 'roman' || h.rank === 'part' ? h.label : null;
        return sectionAt(
          lines,
          i,
          { ...h, rest: '' },
          label,
          h.rank === 'part' ? 'part' : h.rank === 'roman' ? 'roman' : 'arabic',
        );
      }
      // "Phần thứ tư" on one line, its name on the next
      if (h.rank === 'part' && !h.rest) {
        const next = lines.slice(i + 1, i + 3).find((l) => l.text)?.text ?? '';
        if (TCTH.test(next)) {
          const j = lines.indexOf(lines.slice(i + 1).find((l) => l.text)!);
          return sectionAt(lines, j, { ...h, rest: '' }, h.label, 'part');
        }
      }
    }
    if (topOnly && h && h.rank === 'article') {
      const named = /^tổ chức thực hiện\b/iu.test(h.rest) || /^trách nhiệm thi hành/iu.test(h.rest);
      if (named) {
        const rest = h.rest.replace(/^tổ chức thực hiện\s*[.:]?\s*/iu, '');
        return sectionAt(lines, i, { ...h, rest }, h.label, 'article');
      }
    }
    if (!topOnly && !h && TCTH.test(t) && isTitleLike(t) && (isAllCaps(t) || t.length < 40)) {
      return sectionAt(lines, i, { rank: 'plain', label: null, rest: '' }, null, 'roman');
    }
  }
  return null;
}

/**
 * Without that section (a chỉ thị, a kết luận, a letter), the list that a request introduces:
 * "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy ... thực hiện tốt các nhiệm vụ sau:".
 */
export function findRequestedList(lines: Line[], from = 0): Section | null {
  for (let i = from; i < lines.length; i++) {
    const t = lines[i].text;
    if (!/(?:sau|như sau|cụ thể|dưới đây)\s*:$/u.test(t)) continue;
    const verb = /(?<![\p{L}])(?:yêu cầu|đề nghị|giao|chỉ đạo|phân công)(?![\p{L}])/iu.exec(t);
    if (!verb) continue;
    const next = lines.slice(i + 1).find((l) => l.text)?.text ?? '';
    if (!headingOf(next) && !/^[-+•]\s/u.test(next)) continue;
    const s = sectionAt(lines, i, { rank: 'plain', label: null, rest: '' }, null, 'roman');
    return { ...s, headingRest: '', inherit: t.slice(verb.index) };
  }
  return null;
}

/** a quyết định's article that assigns the work when none is named "Tổ chức thực hiện" */
export function findAssigningArticle(lines: Line[]): Section | null {
  for (let i = 0; i < lines.length; i++) {
    const h = headingOf(lines[i].text);
    if (!h || h.rank !== 'article') continue;
    if (/^(?:giao|yêu cầu)\b|chủ trì/iu.test(h.rest) && !/có hiệu lực/iu.test(h.rest)) {
      return sectionAt(lines, i, h, h.label, 'article');
    }
  }
  return null;
}

/** lines of "Mục tiêu cụ thể" (or "Chỉ tiêu ...") */
export function findTargetLines(lines: Line[]): string[] {
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text;
    const h = headingOf(t);
    const rest = h ? h.rest : t;
    if (
      !/^(?:mục tiêu cụ thể|(?:các )?chỉ tiêu(?: chủ yếu| cụ thể)?|mục tiêu, chỉ tiêu(?: cụ thể)?)\s*:?$/iu.test(
        rest,
      )
    )
      continue;
    const out: string[] = [];
    for (let k = i + 1; k < lines.length; k++) {
      const s = lines[k].text;
      if (!s) continue;
      const sh = headingOf(s);
      if (
        sh &&
        (sh.rank !== 'alpha' || isTitleLike(sh.rest)) &&
        (sh.rank === 'roman' || sh.rank === 'part' || isTitleLike(sh.rest))
      )
        break;
      if (isAllCaps(s) || NOI_NHAN.test(s)) break;
      const prev = lines[k - 1]?.text;
      // a wrapped line (PDF) continues the item above it
      if (out.length && prev && !/^[-–+•*]|^\d+[.)]\s/u.test(s)) out[out.length - 1] += ` ${s}`;
      else out.push(s);
    }
    return out;
  }
  return [];
}
