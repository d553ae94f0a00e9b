// Metadata of the header block (Hướng dẫn 36-HD/VPTW for party documents, Nghị định
// 30/2020/NĐ-CP for state ones): issuer lines, "Số", place and date, the kind's name and the
// title (trích yếu), the draft marker, and the digital-signature stamp.

import type { Line } from './normalize.js';
import type { DocumentKind } from './parse-result.js';
import { DATE_NUMERIC } from './dates.js';
import { KIND_TITLE, MOTTO, NOI_NHAN, SIGNATURE, STAMP } from './split-documents.js';
import { collapse, isAllCaps, isoDate } from './text-util.js';

export interface Header {
  kind: DocumentKind;
  number: string | null;
  /** the issuer lines as written, joined by a space */
  issuerLines: string[];
  /** "CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH" under the kind's name */
  issuerInTitle: string | null;
  /** "T/M TỈNH ỦY" → "TỈNH ỦY" */
  issuerInSignature: string | null;
  issuedOn: string | null;
  place: string | null;
  title: string | null;
  isDraft: boolean;
  /** "(Ban hành kèm theo ...)": an attachment of another document, numbered by it */
  attached: boolean;
  signatureDate: string | null;
  signatureRaw: string | null;
  signed: boolean;
  signatureLabel: string | null;
  /** index of the first line of the body */
  bodyStart: number;
}

const KIND_BY_NAME: Record<string, DocumentKind> = {
  'NGHỊ QUYẾT': 'NQ',
  'CHỈ THỊ': 'CT',
  'CHƯƠNG TRÌNH': 'CTR',
  'CHƯƠNG TRÌNH HÀNH ĐỘNG': 'CTR',
  'KẾT LUẬN': 'KL',
  'KẾ HOẠCH': 'KH',
  'QUYẾT ĐỊNH': 'QD',
  'HƯỚNG DẪN': 'HD',
  'THÔNG BÁO': 'TB',
  'THÔNG BÁO KẾT LUẬN': 'TB',
  'BÁO CÁO': 'BC',
  'QUY CHẾ': 'QC',
  'QUY ĐỊNH': 'OTHER',
  'TỜ TRÌNH': 'TTR',
  'CÔNG ĐIỆN': 'CD',
  'CÔNG VĂN': 'CV',
  'ĐỀ ÁN': 'OTHER',
};

const KIND_BY_CODE: Record<string, DocumentKind> = {
  NQ: 'NQ',
  CT: 'CT',
  CTR: 'CTR',
  KL: 'KL',
  KH: 'KH',
  CV: 'CV',
  QĐ: 'QD',
  QD: 'QD',
  HD: 'HD',
  TB: 'TB',
  BC: 'BC',
  QC: 'QC',
  TTR: 'TTR',
  CĐ: 'CD',
  CD: 'CD',
  QĐI: 'OTHER',
  ĐA: 'OTHER',
};

export function normalizeNumber(raw: string): string | null {
  const s = raw
    .replace(/[–—]/g, '-')
    .replace(/\s*([-/])\s*/g, '$1')
    .trim();
  const m = /^(\d+[\p{L}\d\-/.&]*)/u.exec(s);
  return m ? m[1].replace(/[.,;]+$/, '') : null;
}

export function kindFromNumber(num: string): DocumentKind | null {
  const party = /^\d+-([\p{L}]+)\//u.exec(num);
  const state = /^\d+(?:\/\d{4})?\/([\p{L}]+)(?:-|$)/u.exec(num);
  const code = (party?.[1] ?? state?.[1] ?? '').toUpperCase();
  if (KIND_BY_CODE[code]) return KIND_BY_CODE[code];
  if (state) return 'CV';
  return null;
}

const DATE_LINE =
  /^(?:(\p{Lu}[\p{L}\s.'-]{0,40}?),\s*)?ngày\s+(\d{1,2}|[.…\s]+)\s+tháng\s+(\d{1,2}|[.…\s]+)\s+năm\s+(\d{4}|[.…]+)/iu;
const ATTACHED =
  /^\(?\s*(?:Ban hành )?kèm theo (?:Quyết định|Nghị quyết|Công văn|Kế hoạch|Thông báo|Chỉ thị)/iu;
const INCOMING =
  /^(?:Số\s*:?\s*[.…]{2,}|(?:Ngày\s+)?đến\s*[:.…]|Chuyển\s*(?:cho|:)|Lưu hồ sơ số)|^ĐẾN(?:\s*[:.…]|$)/iu;
const BODY_START =
  /^(?:Kính gửi|Căn cứ|Ngày \d|(?:[IVX]+|\d+)[.\-)]\s|Phần thứ|Điều \d|PHẦN THỨ)/iu;

export function extractHeader(lines: Line[]): Header {
  const h: Header = {
    kind: 'OTHER',
    number: null,
    issuerLines: [],
    issuerInTitle: null,
    issuerInSignature: null,
    issuedOn: null,
    place: null,
    title: null,
    isDraft: false,
    attached: false,
    signatureDate: null,
    signatureRaw: null,
    signed: false,
    signatureLabel: null,
    bodyStart: 0,
  };
  let kindTitle: DocumentKind | null = null;
  let numberKind: DocumentKind | null = null;
  let title: string[] = [];
  // none → collecting → done
  let titleState: 'none' | 'open' | 'done' = 'none';
  let blankBefore = false;
  let seenNumberOrTitle = false;
  const limit = Math.min(lines.length, 80);
  let i = 0;
  for (; i < limit; i++) {
    const t = lines[i].text;
    if (t === '') {
      blankBefore = true;
      continue;
    }
    const wasBlank = blankBefore;
    blankBefore = false;
    if (STAMP.test(t) || /^(?:Email|Cơ quan|Thời gian ký)\s*:/iu.test(t)) continue;
    const signedAt = /^Ngày ký\s*:\s*(.+)$/iu.exec(t);
    if (signedAt) {
      const n = DATE_NUMERIC.exec(signedAt[1]);
      h.signatureDate = n ? isoDate(Number(n[3]), Number(n[2]), Number(n[1])) : null;
      h.signatureRaw = signedAt[1].trim();
      continue;
    }
    if (
      titleState === 'open' &&
      title.length === 0 &&
      kindTitle &&
      isAllCaps(t) &&
      !KIND_TITLE.test(t)
    ) {
      const of = /^CỦA\s+(.+)$/u.exec(t);
      if (of) h.issuerInTitle = of[1].trim();
      continue;
    }
    // "(Ban hành kèm theo Quyết định số ...)": an attachment, carried by that document
    if (ATTACHED.test(t)) {
      h.attached = true;
      if (titleState === 'open' && title.length) titleState = 'done';
      continue;
    }
    if (titleState === 'open') {
      // a title's later lines continue it in lower case or are short ("Tỉnh ủy"); a long line
      // in upper case starts the body when no blank line separates them (text from a PDF)
      const bodyLike = title.length > 0 && /^\p{Lu}/u.test(t) && (t.length > 60 || /:$/.test(t));
      const continuation = !bodyLike && (title.length === 0 || !wasBlank || /^\p{Ll}/u.test(t));
      if (
        continuation &&
        !isAllCaps(t) &&
        !MOTTO.test(t) &&
        !DATE_LINE.test(t) &&
        !BODY_START.test(t) &&
        t !== '*' &&
        !INCOMING.test(t)
      ) {
        title.push(t);
        continue;
      }
      titleState = 'done';
    }
    if (MOTTO.test(t) || t === '*' || /^-{1,3}$/.test(t)) continue;
    if (INCOMING.test(t)) continue;
    if (/\bDỰ THẢO\b/u.test(t) || /^\(?Dự thảo(?:\s+\d+)?\)?\s*:?$/u.test(t)) h.isDraft = true;
    const kt = KIND_TITLE.exec(t);
    if (kt) {
      kindTitle = KIND_BY_NAME[kt[1]] ?? 'OTHER';
      seenNumberOrTitle = true;
      if (titleState === 'none' || title.length === 0) {
        title = [];
        titleState = 'open';
      }
      continue;
    }
    if (/^DỰ THẢO\b/u.test(t) && isAllCaps(t)) continue;
    const num = /^Số\s*:?\s*(\d.*)$/u.exec(t);
    if (num && !h.number) {
      const rest = num[1].split(/\s{2,}|\s(?=\p{Lu}[\p{Ll}]+(?:\s\p{Lu}[\p{Ll}]+)*,\s*ngày)/u)[0];
      h.number = normalizeNumber(rest);
      numberKind = h.number ? kindFromNumber(h.number) : null;
      seenNumberOrTitle = true;
      const tail = num[1].slice(rest.length).trim();
      if (tail) readDate(tail, h);
      if (titleState === 'none' && !kindTitle) titleState = 'open';
      continue;
    }
    if (DATE_LINE.test(t) && (t.length < 90 || /^\p{Lu}[\p{L}\s.'-]{0,40},/u.test(t))) {
      if (!h.issuedOn && !h.place) readDate(t, h);
      continue;
    }
    if (/^(?:[IVX]+\s*[.\-–)]|Phần thứ|PHẦN THỨ|Điều \d)/u.test(t)) break;
    if (isAllCaps(t)) {
      const of = /^CỦA\s+(.+)$/u.exec(t);
      if (of && kindTitle) {
        h.issuerInTitle = of[1].trim();
        continue;
      }
      if (!seenNumberOrTitle && !h.issuedOn && h.issuerLines.length < 4 && !SIGNATURE.test(t)) {
        h.issuerLines.push(t);
        continue;
      }
      if (kindTitle && titleState !== 'none') break;
      continue;
    }
    if (/^V\/v\b|^Về việc\b/iu.test(t) && titleState !== 'done') {
      title = [t];
      titleState = 'open';
      continue;
    }
    if (BODY_START.test(t) || t.length > 200) break;
  }
  h.bodyStart = i;
  h.title = title.length ? collapse(title.join(' ')) : null;
  if (h.title) h.title = h.title.replace(/^(?:V\/v|Về việc)\s*:?\s*(?=V)/u, '');
  h.kind =
    kindTitle ??
    numberKind ??
    (title.length && /^(?:V\/v|Về việc)/iu.test(title[0]) ? 'CV' : 'OTHER');
  readSignature(lines, h);
  return h;
}

function readDate(t: string, h: Header): void {
  const m = DATE_LINE.exec(t);
  if (!m) return;
  h.place = m[1] ? collapse(m[1]) : null;
  const day = Number(m[2]);
  const month = Number(m[3]);
  const year = Number(m[4]);
  h.issuedOn = day && month && year ? isoDate(year, month, day) : null;
}

function readSignature(lines: Line[], h: Header): void {
  let inClosing = false;
  for (let i = h.bodyStart; i < lines.length; i++) {
    const t = lines[i].text;
    if (NOI_NHAN.test(t)) inClosing = true;
    const sig = SIGNATURE.exec(t);
    if (sig && (inClosing || isAllCaps(t))) {
      h.signed = true;
      h.signatureLabel = t;
      const tm = /^(?:T\/M|TM|T\.M)\.?\s+(.+)$/u.exec(t);
      if (tm && !h.issuerInSignature) h.issuerInSignature = tm[1].trim();
    }
  }
}
