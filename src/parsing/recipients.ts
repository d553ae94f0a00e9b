// Recipients: the "Kính gửi" list and the "Nơi nhận" list, without the bodies a copy is sent
// to for information upwards ("(b/c)", "(báo cáo)"), the file copy ("Lưu") and the issuer's
// own staff ("Lãnh đạo, chuyên viên VPTU").

import type { Line } from './normalize.js';
import { type Locality, type NamedParty, partiesInPhrase } from './parties.js';
import { NOI_NHAN, SIGNATURE } from './split-documents.js';
import { isAllCaps } from './text-util.js';

const SKIP =
  /^(?:Lưu\b|Như (?:trên|kính gửi|Điều\s+\d)|Lãnh đạo|Chuyên viên|CV\b|Website|Cổng thông tin|(?:các )?P?CT(?:,|\s)|Chủ tịch|Phó Chủ tịch|(?:Các )?đồng chí (?:Bí thư|Phó Bí thư|Chủ tịch|Phó Chủ tịch))/iu;
const UPWARD = /\((?:để\s+)?(?:b\/c|báo cáo|bc)\)/iu;

function items(lines: string[]): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    const parts = raw
      .split(/(?:^|[,;]\s*)[-+•]\s*(?=\p{L})/u)
      .map((s) => s.trim())
      .filter(Boolean);
    for (const p of parts) out.push(p.replace(/[,;.]+$/u, '').trim());
  }
  return out;
}

function parse(list: string[], ctx: Locality): NamedParty[] {
  const out: NamedParty[] = [];
  for (const item of list) {
    if (!item || SKIP.test(item) || UPWARD.test(item)) continue;
    const clean = item.replace(/\([^)]*\)/gu, '').trim();
    let found = partiesInPhrase(clean, ctx);
    if (!found.length && clean) {
      found = [{ mention: clean, name: clean, group: /^(?:các|những)\s/iu.test(clean) }];
    }
    for (const p of found) if (!out.some((x) => x.name === p.name)) out.push(p);
  }
  return out;
}

/** the "Kính gửi" block: the text after the colon and the list lines under it */
export function addressees(lines: Line[], from: number): { parties: string[]; end: number } {
  for (let i = from; i < lines.length; i++) {
    const m = /^Kính gửi\s*:?\s*(.*)$/iu.exec(lines[i].text);
    if (!m) continue;
    const block = [m[1]];
    let k = i + 1;
    for (; k < lines.length; k++) {
      const t = lines[k].text;
      if (!t) {
        // paragraphs of a .docx come apart by a blank line
        const next = lines.slice(k + 1).find((l) => l.text)?.text ?? '';
        if (/^[-+•]/.test(next)) continue;
        break;
      }
      if (!/^[-+•]/.test(t)) break;
      block.push(t);
    }
    return { parties: items(block), end: k };
  }
  return { parties: [], end: from };
}

export function closingRecipients(lines: Line[]): string[] {
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = NOI_NHAN.exec(lines[i].text);
    if (!m) continue;
    const block = [lines[i].text.slice(m[0].length)];
    for (let k = i + 1; k < lines.length; k++) {
      const t = lines[k].text;
      if (!t) continue;
      if (SIGNATURE.test(t) || isAllCaps(t) || !/^[-+•]/.test(t)) break;
      block.push(t);
    }
    return items(block);
  }
  return [];
}

export function recipientsOf(kinhGui: string[], noiNhan: string[], ctx: Locality): NamedParty[] {
  const out = parse(kinhGui, ctx);
  for (const p of parse(noiNhan, ctx)) if (!out.some((x) => x.name === p.name)) out.push(p);
  return out;
}

export function kinhGuiParties(kinhGui: string[], ctx: Locality): NamedParty[] {
  return parse(kinhGui, ctx);
}
