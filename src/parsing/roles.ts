// Who does what in a clause: the lead (the subject of the clause, "giao X", or "X chủ trì"),
// the coordinators ("phối hợp với ..."), and the bodies reported to, advised or sent to
// ("báo cáo ...", "tham mưu cho ...", "gửi về ..."). Actions are read with the names masked.

import { findActions } from './actions.js';
import { type Locality, type NamedParty, PartyGrammar, nameList } from './parties.js';
import { type Token, tokenize } from './tokens.js';

export interface Roles {
  leads: NamedParty[];
  coordinators: NamedParty[];
  reportTo: NamedParty[];
  actions: string[];
}

const LEAD_PREFIXES = [
  ['giao'],
  ['kính', 'đề', 'nghị'],
  ['đề', 'nghị'],
  ['yêu', 'cầu'],
  ['ủy', 'quyền'],
  ['trân', 'trọng', 'đề', 'nghị'],
];

function startsWith(t: Token[], i: number, words: string[]): boolean {
  return words.every((w, k) => t[i + k]?.lo === w);
}

function merge(into: NamedParty[], add: NamedParty[]): void {
  const seen = new Set(into.map((x) => x.name));
  for (const p of add) {
    if (seen.has(p.name)) continue;
    seen.add(p.name);
    into.push(p);
  }
}

/** the clause text from the first "gửi về/lại/đến" up to its purpose ("để tổng hợp ..."),
 * which is what the body sent to does, not the clause's own work */
export function withoutPurposeOfSending(text: string): string {
  const send = /(?<![\p{L}])gửi\s+(?:về|lại|đến|tới|cho)(?![\p{L}])/iu.exec(text);
  if (!send) return text;
  const purpose = /\s(?:để|nhằm)\s/u.exec(text.slice(send.index));
  return purpose ? text.slice(0, send.index + purpose.index) : text;
}

export function subjectOf(text: string, ctx: Locality): NamedParty[] {
  const t = tokenize(text);
  const g = new PartyGrammar(t);
  let i = 0;
  for (const p of LEAD_PREFIXES) if (startsWith(t, i, p)) i += p.length;
  const list = g.listAt(i);
  return list ? nameList(list, t, text, ctx) : [];
}

// "Trên cơ sở Nghị quyết, Ban cán sự đảng UBND tỉnh chỉ đạo ...": an opening phrase, then
// the subject after its comma
const OPENINGS = new Set([
  'trên',
  'căn',
  'định',
  'hằng',
  'hàng',
  'trong',
  'sau',
  'để',
  'theo',
  'từ',
  'năm',
  'đến',
  'thực',
  'ngay',
  'cuối',
  'đầu',
]);

function subjectAfterOpening(t: Token[], g: PartyGrammar) {
  if (!t.length || !OPENINGS.has(t[0].lo)) return null;
  for (let k = 1; k < Math.min(t.length, 30); k++) {
    if (t[k].w === '.' || t[k].w === ';') return null;
    if (t[k].w === ',') {
      const list = g.listAt(k + 1);
      if (list) return list;
    }
  }
  return null;
}

/** true when the text is only a list of bodies ("Sở Nội vụ:", "Ban Tuyên giáo Tỉnh ủy") or
 * ends with a colon that introduces sub-items */
export function isIntroduction(text: string): boolean {
  if (/:\s*$/.test(text)) return true;
  // a heading ("Trách nhiệm của các cơ quan, đơn vị"): short and not a finished sentence
  if (text.length < 120 && !/[.;!?]\s*$/.test(text)) return true;
  const t = tokenize(text.replace(/[.:]\s*$/, ''));
  if (!t.length || t.length > 30) return false;
  const list = new PartyGrammar(t).listAt(0);
  return !!list && list.end === t.length;
}

export function analyzeClause(text: string, ctx: Locality, inherited: string | null): Roles {
  const scope = withoutPurposeOfSending(text);
  const t = tokenize(scope);
  const g = new PartyGrammar(t);
  const leads: NamedParty[] = [];
  const coordinators: NamedParty[] = [];
  const reportTo: NamedParty[] = [];

  let i = 0;
  for (const p of LEAD_PREFIXES) if (startsWith(t, i, p)) i += p.length;
  const subject = g.listAt(i) ?? subjectAfterOpening(t, g);
  if (subject) merge(leads, nameList(subject, t, scope, ctx));

  for (let k = 0; k < t.length; k++) {
    const w = t[k].lo;
    let after = -1;
    let role: 'lead' | 'coord' | 'report' | null = null;
    if (w === 'phối' && t[k + 1]?.lo === 'hợp') {
      after = k + 2;
      if (t[after]?.lo === 'chặt' && t[after + 1]?.lo === 'chẽ') after += 2;
      if (t[after]?.lo === 'với' || t[after]?.lo === 'cùng') after++;
      role = 'coord';
    } else if (w === 'báo' && t[k + 1]?.lo === 'cáo' && t[k - 1]?.w !== '(') {
      after = k + 2;
      // "báo cáo kết quả (thực hiện) về ..."
      for (let s = after; s < Math.min(t.length, after + 8); s++) {
        if (['về', 'lên', 'cho', 'với'].includes(t[s].lo)) {
          after = s + 1;
          break;
        }
        if (!t[s].word || t[s].cap) break;
      }
      role = 'report';
    } else if (w === 'tham' && t[k + 1]?.lo === 'mưu') {
      after = k + 2;
      if (['cho', 'giúp', 'với'].includes(t[after]?.lo)) after++;
      role = 'report';
    } else if (w === 'giúp' && t[k - 1]?.lo !== 'tham' && t[k - 1]?.lo !== 'mưu') {
      // "Ủy ban Kiểm tra Tỉnh ủy giúp Ban Thường vụ Tỉnh ủy kiểm tra ..."
      after = k + 1;
      role = 'report';
    } else if (w === 'gửi') {
      after = k + 1;
      if (['về', 'lại', 'đến', 'tới', 'cho', 'lên'].includes(t[after]?.lo)) after++;
      role = 'report';
    } else if (w === 'trình' && k > 0 && !['quá', 'chương', 'tờ'].includes(t[k - 1].lo)) {
      after = k + 1;
      role = 'report';
    } else if (w === 'giao' && k > 0) {
      after = k + 1;
      role = 'lead';
    }
    if (!role) continue;
    const list = g.listAt(after);
    if (!list) continue;
    const named = nameList(list, t, scope, ctx);
    if (role === 'coord') merge(coordinators, named);
    else if (role === 'report') merge(reportTo, named);
    else merge(leads, named);
  }

  if (!leads.length) {
    // "..., Sở Y tế chủ trì, phối hợp ..."
    for (let k = 0; k < t.length; k++) {
      if (t[k].lo !== 'chủ' || t[k + 1]?.lo !== 'trì') continue;
      for (let s = Math.max(0, k - 25); s < k; s++) {
        const list = g.listAt(s);
        if (list && list.end === k) {
          merge(leads, nameList(list, t, scope, ctx));
          break;
        }
      }
      if (leads.length) break;
    }
  }
  if (!leads.length && inherited) merge(leads, subjectOf(inherited, ctx));

  // mask every body's name so its words are not read as actions
  const chunks: string[] = [];
  let at = 0;
  for (let k = 0; k < t.length;) {
    const m = g.mentionAt(k);
    if (!m) {
      k++;
      continue;
    }
    const s = t[m.start].start;
    const e = t[m.end - 1].end;
    chunks.push(scope.slice(at, s), '⟦', '·'.repeat(Math.max(0, e - s - 2)), '⟧');
    at = e;
    k = m.end;
  }
  chunks.push(scope.slice(at));
  const masked = chunks.join('');
  const self = new Set(leads.map((p) => p.name));
  return {
    leads,
    coordinators: coordinators.filter((p) => !self.has(p.name)),
    reportTo: reportTo.filter((p) => !self.has(p.name)),
    actions: findActions(masked),
  };
}
