// Quantitative targets of "Mục tiêu cụ thể": one target per number. A bullet is cut into
// statements at ";", at sentence ends, and at a comma right after a value ("giảm 1-1,5%,
// riêng ..."); each statement gives one target per value, or one for a comparison without a
// number ("thấp hơn so với tỷ lệ chung của cả nước").

import type { Target, TargetBaseline, TargetDirection } from './parse-result.js';
import { parseVnNumber, splitOutside } from './text-util.js';

const UNITS_MULTI = [
  'thành viên',
  'nhà ở',
  'triệu đồng',
  'tỷ đồng',
  'nghìn đồng',
  'đảng viên',
  'học sinh',
  'cơ sở',
  'doanh nghiệp',
  'lao động',
  'sản phẩm',
  'mô hình',
  'công trình',
  'chi bộ',
  'giường bệnh',
  'bác sĩ',
  'hợp tác xã',
  'tổ chức cơ sở đảng',
  'km',
  'ha',
];
const DESCRIPTOR_UNITS = new Set(['tuổi', 'tháng', 'năm', 'ngày', 'giờ']);
const NUMBER_WORDS: Record<string, number> = {
  một: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
};

// value (or range) then unit; years and dates are excluded by the caller
const VALUE =
  /(?<![\p{L}\d.,/])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?:\s*[-–]\s*(\d+(?:,\d+)?))?\s*(%|[\p{L}]+(?:\s[\p{L}]+)?)?/gu;
const WORD_VALUE =
  /(?<![\p{L}])(?:ít nhất|tối thiểu|có|thêm)\s+(một|hai|ba|bốn|sáu|bảy|tám|chín|mười)\s+([\p{L}]+(?:\s[\p{L}]+)?)/giu;

interface Value {
  at: number;
  end: number;
  value: number;
  valueTo: number | null;
  unit: string;
}

function unitOf(words: string | undefined): string | null {
  if (!words) return null;
  if (words === '%') return '%';
  for (const u of UNITS_MULTI) if (words === u || words.startsWith(`${u} `)) return u;
  return words.split(' ')[0];
}

function valuesIn(text: string): Value[] {
  const out: Value[] = [];
  VALUE.lastIndex = 0;
  for (let m = VALUE.exec(text); m; m = VALUE.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    const intPart = m[1];
    // years, year ranges and dates are not values
    if (/^(19|20)\d\d$/.test(intPart) && !m[2] && m[4] !== '%') continue;
    if (/(năm|giai đoạn|ngày|tháng|số|quý)\s*$/iu.test(before)) continue;
    const unit = unitOf(m[4]);
    if (!unit || DESCRIPTOR_UNITS.has(unit.split(' ')[0])) continue;
    const value = parseVnNumber(m[2] ? `${intPart},${m[2]}` : intPart);
    if (value === null) continue;
    const valueTo = m[3] ? parseVnNumber(m[3]) : null;
    const unitAt = m[0].lastIndexOf(m[4] ?? '');
    out.push({ at: m.index, end: m.index + unitAt + unit.length, value, valueTo, unit });
  }
  WORD_VALUE.lastIndex = 0;
  for (let m = WORD_VALUE.exec(text); m; m = WORD_VALUE.exec(text)) {
    const unit = unitOf(m[2]);
    if (!unit || DESCRIPTOR_UNITS.has(unit)) continue;
    const at = m.index + m[0].length - m[2].length - 1 - m[1].length;
    out.push({
      at,
      end: at + m[1].length + 1 + unit.length,
      value: NUMBER_WORDS[m[1].toLowerCase()],
      valueTo: null,
      unit,
    });
  }
  const none = /(?<![\p{L}])không còn\s+([\p{L}]+)/iu.exec(text);
  if (none)
    out.push({
      at: none.index,
      end: none.index + none[0].length,
      value: 0,
      valueTo: null,
      unit: none[1],
    });
  out.sort((a, b) => a.at - b.at);
  const pct = out.filter((v) => v.unit === '%');
  return pct.length ? pct : out;
}

function stripParens(s: string): string {
  let depth = 0;
  let out = '';
  for (const c of s) {
    if (c === '(') depth++;
    if (depth === 0) out += c;
    if (c === ')') depth = Math.max(0, depth - 1);
  }
  return out;
}

function direction(before: string, after: string): TargetDirection {
  const near = before.slice(-30);
  if (/(?:dưới|không quá|tối đa|thấp hơn|xuống dưới|còn dưới|không vượt quá)\s*$/iu.test(near)) {
    return 'at_most';
  }
  if (
    /(?:trên|ít nhất|tối thiểu|không dưới|không thấp hơn|từ)\s*$/iu.test(near) &&
    !/(?:^|\s)từ\s*$/iu.test(near)
  )
    return 'at_least';
  if (/(?<![\p{L}])giảm(?![\p{L}])/iu.test(before)) return 'decrease';
  if (/(?<![\p{L}])tăng(?![\p{L}])/iu.test(before)) return 'increase';
  if (/^\S*\s*(?:trở lên)/iu.test(after)) return 'at_least';
  return 'reach';
}

function baselineOf(statement: string): TargetBaseline | null {
  const year = /so với(?: cùng kỳ)? năm (\d{4})\s*(?:\(([^)]*)\))?/iu.exec(statement);
  if (!year) return null;
  const text = year[2]?.trim() || `năm ${year[1]}`;
  const v = /(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?\s*(.*)$/u.exec(
    text.replace(/^năm \d{4}\s*/u, ''),
  );
  return {
    text,
    year: Number(year[1]),
    value: v ? parseVnNumber(v[2] ? `${v[1]},${v[2]}` : v[1]) : null,
    unit: v?.[3]?.trim() || null,
  };
}

const ANNUAL = /(?:hằng|hàng|mỗi) năm|\/\s*năm|bình quân năm/iu;
const LEADING_ANNUAL = /^\s*(?:hằng|hàng|mỗi) năm\s*,/iu;
const DEADLINE =
  /(?:(?:đến|tới|trước|trong|vào)\s+(?:cuối\s+)?năm\s+(\d{4})|^\s*(?:cuối\s+)?năm\s+(\d{4})\s*[,:])/iu;

function statements(paragraph: string): { text: string; annualFromSentence: boolean }[] {
  const out: { text: string; annualFromSentence: boolean }[] = [];
  const sentences = splitOutside(paragraph, (s, i) =>
    s[i] === '.' && /\s/.test(s[i + 1] ?? '') && /\p{Lu}/u.test(s[i + 2] ?? '') ? 2 : 0,
  );
  for (const sentence of sentences) {
    const annualFromSentence = LEADING_ANNUAL.test(sentence.text);
    const parts = splitOutside(sentence.text, (s, i) => {
      if (s[i] === ';') return 1;
      if (s[i] === ',' && /(?:\d\s*%|\d%\/năm)$/u.test(s.slice(Math.max(0, i - 8), i))) return 1;
      return 0;
    });
    for (const p of parts) {
      const text = p.text
        .trim()
        .replace(/[.;,]+$/u, '')
        .trim();
      if (text) out.push({ text, annualFromSentence });
    }
  }
  return out;
}

export function findTargets(lines: string[]): Target[] {
  const targets: Target[] = [];
  for (const line of lines) {
    const paragraph = line.replace(/^\s*[-–•+*]\s*/u, '').replace(/^\d+(?:\.\d+)*[.)]\s+/u, '');
    for (const st of statements(paragraph)) {
      const main = stripParens(st.text);
      const values = valuesIn(main);
      const annual = st.annualFromSentence || ANNUAL.test(main);
      const deadlineMatch = DEADLINE.exec(main);
      const deadline = deadlineMatch ? `${deadlineMatch[1] ?? deadlineMatch[2]}-12-31` : null;
      const baseline = baselineOf(st.text);
      if (values.length) {
        for (const v of values) {
          targets.push({
            text: st.text,
            direction:
              v.value === 0 && v.unit !== '%'
                ? 'reach'
                : direction(main.slice(0, v.at), main.slice(v.end)),
            value: v.value,
            valueTo: v.valueTo,
            unit: v.unit,
            annual,
            baseline,
            deadline,
          });
        }
        continue;
      }
      const cmp =
        /(thấp hơn|cao hơn|không thấp hơn|không cao hơn|bằng hoặc cao hơn)\s+(?:so với\s+)?(.+)$/iu.exec(
          main,
        );
      if (cmp) {
        const lower = /thấp hơn/iu.test(cmp[1]) && !/không thấp/iu.test(cmp[1]);
        targets.push({
          text: st.text,
          direction: lower || /không cao/iu.test(cmp[1]) ? 'at_most' : 'at_least',
          value: null,
          valueTo: null,
          unit: null,
          annual,
          baseline: { text: cmp[2].trim(), year: null, value: null, unit: null },
          deadline,
        });
      }
    }
  }
  return targets;
}
