// Bodies named in the text. A small grammar over word tokens, built from how Vietnamese
// bodies are named (Hướng dẫn 36-HD/VPTW, Nghị định 30/2020/NĐ-CP): a head ("Ban Tuyên giáo",
// "Sở", "Ủy ban nhân dân"), the words of its field, then its owner or level and place
// ("Tỉnh ủy Hà Giang", "tỉnh", "huyện Đam Rông"). Plural and generic mentions ("các sở, ban,
// ngành liên quan") are groups with a lower-case name.

import type { Party } from './parse-result.js';
import type { PartyDirectory } from './directory.js';
import { PhraseSet, type Token, tokenize } from './tokens.js';
import { lowerFirst } from './text-util.js';

export interface Locality {
  province: string | null;
  district: string | null;
  level: 'province' | 'district' | null;
  /** the issuing committee's word: "Tỉnh ủy", "Huyện ủy", "Thành ủy" */
  committee: string | null;
  asOf: string | null;
}

type Kind = 'unit' | 'committee' | 'state' | 'front' | 'pgroup' | 'dept' | 'generic' | 'person';

export interface MentionMatch {
  /** token indices [start, end) */
  start: number;
  end: number;
  kind: Kind;
  group: boolean;
  /** a level word at the end with no place after it ("tỉnh") */
  bareLevel: string | null;
  /** index in GENERIC_HEADS / BASIC for generic mentions */
  head: string | null;
  /** words of a merged run of generic nouns ("sở, ban, ngành") */
  run: string[];
  qualifiers: string[];
  allLevels: boolean;
  /** where the body's own name starts after an office held in it ("Giám đốc Sở Y tế") */
  bodyStart?: number;
}

const ROLE_PREFIX = new PhraseSet([
  'thủ trưởng',
  'người đứng đầu',
  'chủ tịch',
  'giám đốc',
  'bí thư',
  'trưởng ban',
  'chánh văn phòng',
  'cục trưởng',
  'chi cục trưởng',
  'trưởng phòng',
  'chủ nhiệm',
]);

const LEVELS = new PhraseSet([
  'tỉnh',
  'huyện',
  'thành phố',
  'thị xã',
  'quận',
  'xã',
  'phường',
  'thị trấn',
]);
const COMMITTEES = new PhraseSet(['tỉnh ủy', 'thành ủy', 'huyện ủy', 'quận ủy', 'thị ủy']);
const UNIT_HEADS = new PhraseSet([
  'ban thường vụ',
  'thường trực ban chấp hành',
  'thường trực',
  'ban thường trực',
  'ban chấp hành',
  'văn phòng',
  'ủy ban kiểm tra',
  'ban tuyên giáo và dân vận',
  'ban tuyên giáo',
  'ban dân vận',
  'ban tổ chức',
  'ban nội chính',
  'ban kinh tế',
  'trường chính trị',
  'hội đồng lý luận',
  'ban bảo vệ, chăm sóc sức khỏe cán bộ',
  'ban bảo vệ chăm sóc sức khỏe cán bộ',
  'ubkt',
  'btv',
  'bch',
  'btg',
  'bdv',
  'btc',
  'bnc',
  'vp',
  'bttg',
]);
const ABBREVIATED = new Set([
  'ubkt',
  'btv',
  'bch',
  'btg',
  'bdv',
  'btc',
  'bnc',
  'vp',
  'bttg',
  'ubnd',
  'hđnd',
  'mttq',
  'ubmttq',
  'bcsđ',
  'tu',
  'hu',
]);
const STATE_HEADS = new PhraseSet(['ủy ban nhân dân', 'hội đồng nhân dân', 'ubnd', 'hđnd']);
const FRONT_HEADS = new PhraseSet([
  'ủy ban mặt trận tổ quốc việt nam',
  'ủy ban mặt trận tổ quốc',
  'ủy ban mttq việt nam',
  'ủy ban mttq',
  'mặt trận tổ quốc việt nam',
  'mặt trận tổ quốc',
  'mttq việt nam',
  'mttq',
  'ubmttq',
  'ban thường trực ủy ban mặt trận tổ quốc việt nam',
  'ban thường trực ủy ban mặt trận tổ quốc',
  'ban thường trực ủy ban mttq',
]);
const PGROUP_HEADS = new PhraseSet(['đảng đoàn', 'ban cán sự đảng', 'bcs đảng', 'bcsđ']);
const DEPT_HEADS = new PhraseSet([
  'sở',
  'phòng',
  'cục',
  'chi cục',
  'trung tâm',
  'ban quản lý',
  'ban dân tộc',
  'ban chỉ đạo',
  'thanh tra',
  'công an',
  'bộ chỉ huy',
  'kho bạc nhà nước',
  'kho bạc',
  'ngân hàng',
  'bảo hiểm xã hội',
  'liên đoàn lao động',
  'liên đoàn',
  'hội',
  'đoàn thanh niên',
  'tỉnh đoàn',
  'huyện đoàn',
  'thành đoàn',
  'đài',
  'báo',
  'viện',
  'tòa án nhân dân',
  'viện kiểm sát nhân dân',
  'ban',
  'bộ',
  'văn phòng',
  'trường',
  'bệnh viện',
  'hội đồng',
  'ủy ban',
  'đoàn đại biểu quốc hội',
]);
// heads that are a whole name by themselves ("Công an tỉnh")
const STANDALONE = new Set([
  'công an',
  'thanh tra',
  'kho bạc nhà nước',
  'bảo hiểm xã hội',
  'liên đoàn lao động',
  'tỉnh đoàn',
  'huyện đoàn',
  'thành đoàn',
  'tòa án nhân dân',
  'viện kiểm sát nhân dân',
  'đoàn đại biểu quốc hội',
]);
const LONG_COMPONENTS = new PhraseSet([
  'phát triển nông thôn',
  'giao thông vận tải',
  'cựu chiến binh',
  'chính sách xã hội',
  'thanh niên cộng sản hồ chí minh',
  'liên hiệp phụ nữ',
  'nhà nước',
  'kế hoạch và đầu tư',
  'chữ thập đỏ',
  'người cao tuổi',
  'khuyến học',
]);
// a name never continues with these lower-case words: they start the predicate
const VERB_STOP = new Set(
  (
    'chủ phối tham theo chỉ tổ xây triển thực có căn báo hướng kiểm đôn ' +
    'nghiên tuyên quán phổ ban là được trình rà đề tiếp phụ lãnh giám định hằng hàng và với của ' +
    'cho trong tại về để nhằm từ đến các những tỉnh huyện xã thành quận phường thị cấp liên trực ' +
    'thuộc khẩn kịp thường nắm đánh sơ tổng đảm tăng đẩy nâng gửi chịu cần phải sẽ đã đang trên ' +
    'dưới bố cung hỗ giao làm duy thống tập rút mở ký góp cụ thể tích chú quan sớm khẩn nghiêm ' +
    'trước sau khi nếu thì mà như hoặc hay vào ra lên xuống đề xuất định kỳ'
  ).split(' '),
);
// a capitalized word that starts a sentence after a name on its own line ("Sở Nội vụ\nChủ trì")
const CAP_VERB = new Set(
  (
    'chủ phối tham theo triển thực căn hướng đôn nghiên quán phổ rà đề tiếp lãnh định đẩy ' +
    'nâng tăng gửi chịu giao làm duy tập rút ký góp tích chú sớm khẩn nghiêm trên trong bố ' +
    'xây kiểm tổng báo'
  ).split(' '),
);
// capitalized words that begin another name or a sentence, never part of a place
const HEAD_STOP = new Set(
  (
    'ban sở phòng ủy văn đảng hội mặt thường các nghị chỉ kế quyết ' +
    'chương cục chủ tham phối giao đề căn trên theo định tổng sơ kính trân nơi lưu như'
  ).split(' '),
);

const INHERENT = [
  'cấp ủy đảng',
  'cấp ủy',
  'tổ chức cơ sở đảng',
  'tổ chức đảng',
  'chính quyền',
  'tổ chức chính trị - xã hội',
  'tổ chức ct - xh',
  'đoàn thể chính trị - xã hội',
  'đảng đoàn',
  'ban cán sự đảng',
  'bcs đảng',
  'bcsđ',
  'ban đảng',
  'ban xây dựng đảng',
  'cơ quan tham mưu, giúp việc',
  'cơ quan tham mưu',
  'cơ quan báo chí',
  'cơ quan thông tấn báo chí',
  'huyện ủy',
  'thành ủy',
  'thị ủy',
  'quận ủy',
  'đảng ủy',
  'đảng bộ',
  'chi bộ',
  'chi, đảng bộ',
  'chi bộ, đảng bộ',
  'hội, đoàn thể',
  'cấp, các ngành',
];
const GENERIC_HEADS = new PhraseSet(INHERENT);
const BASIC = new PhraseSet([
  'sở',
  'ban',
  'ngành',
  'địa phương',
  'đơn vị',
  'cơ quan',
  'đoàn thể',
  'hội',
  'huyện',
  'xã',
  'phường',
  'thôn',
  'tổ chức',
  'cấp',
  'doanh nghiệp',
  'trường',
  'ban ngành',
  'tổ chức chính trị - xã hội',
  'cơ quan, đơn vị',
]);
const QUALIFIERS = new PhraseSet([
  'liên quan',
  'có liên quan',
  'trực thuộc',
  'cấp tỉnh',
  'cấp huyện',
  'cấp xã',
  'cấp cơ sở',
  'các cấp',
  'trong tỉnh',
  'trong huyện',
  'của tỉnh',
  'thuộc tỉnh',
  'trên địa bàn tỉnh',
  'trên địa bàn huyện',
  'trên địa bàn',
]);
const SCOPES = new PhraseSet([
  'từ tỉnh đến cơ sở',
  'từ tỉnh đến xã',
  'từ huyện đến cơ sở',
  'ở các cấp',
  'các cấp',
  'từ trung ương đến cơ sở',
]);
const PERSON_ROLES = new PhraseSet(['tỉnh ủy viên', 'huyện ủy viên', 'thành ủy viên', 'ủy viên']);

export class PartyGrammar {
  constructor(private readonly t: Token[]) {}

  private isWord(i: number): boolean {
    return i < this.t.length && this.t[i].word;
  }

  private committeeAt(i: number): number {
    const m = COMMITTEES.match(this.t, i);
    if (m) return m.end;
    const tok = this.t[i];
    if (tok && tok.caps && (tok.w === 'TU' || tok.w === 'HU')) return i + 1;
    return -1;
  }

  place(i: number): number {
    let j = i;
    let n = 0;
    while (n < 4 && this.isWord(j)) {
      const tok = this.t[j];
      if (!tok.cap || HEAD_STOP.has(tok.lo) || (tok.caps && tok.w.length > 1)) break;
      if (this.committeeAt(j) > 0) break;
      j++;
      n++;
      if (this.t[j]?.w === '-' && this.t[j + 1]?.cap && n < 4) j++;
    }
    return j > i ? j : -1;
  }

  /** level word + optional place; bare tells a level with no place */
  private levelPlace(i: number): { end: number; bare: string | null } | null {
    const m = LEVELS.match(this.t, i);
    if (!m || this.committeeAt(i) > 0) return null;
    if (this.t[i].caps && this.t[i].w.length > 1) return null;
    const p = this.place(m.end);
    const level = this.t
      .slice(i, m.end)
      .map((x) => x.lo)
      .join(' ');
    return p > 0 ? { end: p, bare: null } : { end: m.end, bare: level };
  }

  private committee(i: number): { end: number; bare: string | null } | null {
    const end = this.committeeAt(i);
    if (end < 0) return null;
    const p = this.place(end);
    return { end: p > 0 ? p : end, bare: null };
  }

  private stateOrFront(
    i: number,
    heads: PhraseSet,
  ): (Partial<MentionMatch> & { end: number }) | null {
    const m = heads.match(this.t, i);
    if (!m) return null;
    if (!this.t[i].cap) return null;
    if (this.t[m.end]?.lo === 'các' && LEVELS.match(this.t, m.end + 1)) {
      let j = LEVELS.match(this.t, m.end + 1)!.end;
      while (this.t[j]?.w === ',' && LEVELS.match(this.t, j + 1))
        j = LEVELS.match(this.t, j + 1)!.end;
      return { end: j, allLevels: true, bareLevel: null };
    }
    const all = SCOPES.match(this.t, m.end);
    if (
      all &&
      this.t
        .slice(m.end, all.end)
        .map((x) => x.lo)
        .join(' ') === 'các cấp'
    ) {
      return { end: all.end, allLevels: true, bareLevel: null };
    }
    const lp = this.levelPlace(m.end);
    if (lp) return { end: lp.end, bareLevel: lp.bare };
    const p = this.place(m.end);
    return { end: p > 0 ? p : m.end, bareLevel: null };
  }

  private owner(i: number): { end: number; bare: string | null } | null {
    const c = this.committee(i);
    if (c) return c;
    const dangBo = this.t[i]?.lo === 'đảng' && this.t[i + 1]?.lo === 'bộ';
    if (dangBo) {
      const lp = this.levelPlace(i + 2);
      if (lp) return lp;
      const p = this.place(i + 2);
      if (p > 0) return { end: p, bare: null };
    }
    const s = this.stateOrFront(i, STATE_HEADS) ?? this.stateOrFront(i, FRONT_HEADS);
    if (s) return { end: s.end, bare: s.bareLevel ?? null };
    const lp = this.levelPlace(i);
    if (lp) return lp;
    if (this.t[i]?.lo === 'trung' && this.t[i + 1]?.lo === 'ương' && this.t[i].cap) {
      return { end: i + 2, bare: null };
    }
    return null;
  }

  /** a word that begins another body's name */
  private isHeadAt(j: number): boolean {
    if (this.committeeAt(j) > 0) return true;
    return (
      [UNIT_HEADS, STATE_HEADS, FRONT_HEADS, PGROUP_HEADS, DEPT_HEADS].some(
        (set) => set.match(this.t, j) !== null,
      ) || ['các', 'những'].includes(this.t[j].lo)
    );
  }

  private components(i: number): number {
    let j = i;
    for (;;) {
      const tok = this.t[j];
      if (!tok || !tok.word || !tok.cap || this.isHeadAt(j)) break;
      const long = LONG_COMPONENTS.match(this.t, j);
      if (long) j = long.end;
      else {
        j++;
        const next = this.t[j];
        if (next && next.word && !next.cap && !VERB_STOP.has(next.lo) && !LEVELS.match(this.t, j)) {
          j++;
        }
      }
      const sep = this.t[j];
      const after = this.t[j + 1];
      if (
        sep &&
        ['và', '-', ',', '&'].includes(sep.lo) &&
        after?.cap &&
        after.word &&
        !this.isHeadAt(j + 1)
      ) {
        j++;
        continue;
      }
      if (sep?.word && sep.cap && !this.isHeadAt(j) && !CAP_VERB.has(sep.lo)) continue;
      break;
    }
    return j;
  }

  private specific(i: number): MentionMatch | null {
    const tok = this.t[i];
    if (!tok?.word) return null;
    const base = (
      kind: Kind,
      end: number,
      bareLevel: string | null = null,
      allLevels = false,
    ): MentionMatch => ({
      start: i,
      end,
      kind,
      group: allLevels,
      bareLevel,
      head: null,
      run: [],
      qualifiers: [],
      allLevels,
    });
    const found: MentionMatch[] = [];
    const requireCaps = (end: number) => {
      const first = this.t
        .slice(i, end)
        .map((x) => x.lo)
        .join(' ');
      return !ABBREVIATED.has(first) || tok.caps;
    };

    const unit = UNIT_HEADS.match(this.t, i);
    if (unit && tok.cap && requireCaps(unit.end)) {
      const o = this.owner(unit.end);
      found.push(base('unit', o ? o.end : unit.end, o?.bare ?? null));
      // "Ban Thường vụ các huyện ủy, thành ủy": the same unit of each of a group of bodies
      const groups = !o && this.t[unit.end]?.lo === 'các' ? this.listAt(unit.end) : null;
      if (groups && groups.items.every((x) => x.kind === 'generic')) {
        found.push({ ...base('unit', groups.end), group: true, head: 'unit of groups' });
      }
    }
    const c = this.committee(i);
    if (c && tok.cap) found.push(base('committee', c.end));
    for (const [heads, kind] of [
      [STATE_HEADS, 'state'],
      [FRONT_HEADS, 'front'],
    ] as const) {
      const s = this.stateOrFront(i, heads);
      if (s && requireCaps(heads.match(this.t, i)!.end)) {
        found.push(base(kind, s.end, s.bareLevel ?? null, s.allLevels ?? false));
      }
    }
    const pg = PGROUP_HEADS.match(this.t, i);
    if (pg) {
      const o =
        this.stateOrFront(pg.end, STATE_HEADS) ??
        this.stateOrFront(pg.end, FRONT_HEADS) ??
        this.dept(pg.end);
      if (o) found.push(base('pgroup', o.end, o.bareLevel ?? null));
    }
    const d = this.dept(i);
    if (d) found.push(base('dept', d.end, d.bareLevel));
    if (!found.length) return null;
    return found.reduce((a, b) => (b.end > a.end ? b : a));
  }

  private dept(i: number): { end: number; bareLevel: string | null } | null {
    const tok = this.t[i];
    const head = DEPT_HEADS.match(this.t, i);
    if (!head || !tok?.cap) return null;
    const headText = this.t
      .slice(i, head.end)
      .map((x) => x.lo)
      .join(' ');
    let j = this.components(head.end);
    if (j === head.end && !STANDALONE.has(headText)) return null;
    const lp = this.levelPlace(j);
    if (lp) return { end: lp.end, bareLevel: lp.bare };
    if (this.t[j]?.lo === 'cấp' && LEVELS.match(this.t, j + 1)) {
      j = LEVELS.match(this.t, j + 1)!.end;
    }
    return { end: j, bareLevel: null };
  }

  private generic(i: number, plural: boolean): MentionMatch | null {
    let j = i;
    let cac = false;
    if (this.t[j]?.lo === 'các' || this.t[j]?.lo === 'những') {
      j++;
      cac = true;
    }
    const h = GENERIC_HEADS.match(this.t, j);
    const b = BASIC.match(this.t, j);
    let head: string;
    const run: string[] = [];
    if (h && (!b || h.end >= b.end)) {
      head = INHERENT[h.index];
      const committeeWord = ['huyện ủy', 'thành ủy', 'thị ủy', 'quận ủy'].includes(head);
      if (committeeWord && this.t[j].cap && !cac) return null;
      if ((head === 'đảng ủy' || head === 'đảng bộ' || head === 'chi bộ') && !cac) {
        const next = this.t[h.end]?.lo;
        if (next !== 'trực' && next !== 'các') return null;
      }
      j = h.end;
    } else if (b && (cac || plural)) {
      head = BASIC.list[b.index];
      run.push(BASIC.list[b.index]);
      j = b.end;
      for (;;) {
        if (this.t[j]?.w !== ',') break;
        let k = j + 1;
        if (this.t[k]?.lo === 'các') k++;
        const more = BASIC.match(this.t, k);
        if (!more || (GENERIC_HEADS.match(this.t, k)?.end ?? 0) > more.end) break;
        run.push(BASIC.list[more.index]);
        j = more.end;
      }
    } else return null;

    const qualifiers: string[] = [];
    let bareLevel: string | null = null;
    for (;;) {
      const q = QUALIFIERS.match(this.t, j);
      if (q) {
        const text = this.t
          .slice(j, q.end)
          .map((x) => x.lo)
          .join(' ');
        qualifiers.push(text);
        j = q.end;
        if (text === 'trực thuộc') {
          const c = this.committee(j);
          if (c) {
            qualifiers.push(
              this.t
                .slice(j, c.end)
                .map((x) => x.w)
                .join(' '),
            );
            j = c.end;
          }
        }
        continue;
      }
      if (
        [
          'cơ quan tham mưu',
          'cơ quan tham mưu, giúp việc',
          'ban xây dựng đảng',
          'ban đảng',
        ].includes(head)
      ) {
        const c = this.committee(j);
        if (c) {
          qualifiers.push(
            this.t
              .slice(j, c.end)
              .map((x) => x.w)
              .join(' '),
          );
          j = c.end;
          continue;
        }
      }
      if ((head === 'đảng ủy' || head === 'chi bộ') && this.t[j]?.lo === 'các') {
        const more = BASIC.match(this.t, j + 1);
        if (more) {
          qualifiers.push(
            this.t
              .slice(j, more.end)
              .map((x) => x.lo)
              .join(' '),
          );
          j = more.end;
          continue;
        }
      }
      const lp = this.levelPlace(j);
      if (lp && lp.bare && !bareLevel && ['tỉnh', 'huyện'].includes(lp.bare)) {
        bareLevel = lp.bare;
        j = lp.end;
        continue;
      }
      break;
    }
    return {
      start: i,
      end: j,
      kind: 'generic',
      group: true,
      bareLevel,
      head,
      run,
      qualifiers,
      allLevels: false,
    };
  }

  private person(i: number): MentionMatch | null {
    let j = i;
    let cac = false;
    if (this.t[j]?.lo === 'các') {
      j++;
      cac = true;
    }
    if (this.t[j]?.lo !== 'đồng' || this.t[j + 1]?.lo !== 'chí') return null;
    j += 2;
    const role = PERSON_ROLES.match(this.t, j);
    if (!role) return null;
    let end = role.end;
    const roleText = this.t
      .slice(j, role.end)
      .map((x) => x.lo)
      .join(' ');
    if (roleText === 'ủy viên') {
      const unit = UNIT_HEADS.match(this.t, end);
      if (!unit) return null;
      const o = this.owner(unit.end);
      end = o ? o.end : unit.end;
    }
    return {
      start: i,
      end,
      kind: 'person',
      group: cac,
      bareLevel: null,
      head: roleText,
      run: [],
      qualifiers: [],
      allLevels: false,
    };
  }

  /** the longest mention starting at token i */
  mentionAt(i: number, plural = false): MentionMatch | null {
    // "Thủ trưởng các sở, ban, ngành", "Giám đốc Sở Y tế": the body is what is assigned
    const role = ROLE_PREFIX.match(this.t, i);
    if (role && this.t[i].cap) {
      const body = this.bodyAt(role.end, plural);
      if (body) return { ...body, start: i, bodyStart: body.start };
    }
    return this.bodyAt(i, plural);
  }

  private bodyAt(i: number, plural: boolean): MentionMatch | null {
    const options = [this.person(i), this.generic(i, plural), this.specific(i)].filter(
      (m): m is MentionMatch => m !== null,
    );
    if (!options.length) return null;
    return options.reduce((a, b) => (b.end > a.end ? b : a));
  }

  /** a list of mentions joined by "," / "và" starting at token i */
  listAt(i: number): PartyList | null {
    const items: MentionMatch[] = [];
    let j = i;
    let plural = false;
    for (;;) {
      const m = this.mentionAt(j, plural);
      if (!m) break;
      items.push(m);
      if (m.kind === 'generic' && this.t[m.start].lo === 'các') plural = true;
      j = m.end;
      let k = j;
      if (this.t[k]?.w === ',' || this.t[k]?.w === ';') k++;
      if (this.t[k]?.lo === 'và') k++;
      if (k === j) break;
      const next = this.mentionAt(k, plural);
      if (!next) break;
      j = k;
    }
    if (!items.length) return null;
    let end = items[items.length - 1].end;
    let allLevels = this.t[items[0].start].lo === 'các' && this.t[items[0].start + 1]?.lo === 'cấp';
    const scope = SCOPES.match(this.t, end);
    if (scope) {
      allLevels = true;
      end = scope.end;
    }
    const last = items[items.length - 1];
    return { items, end, allLevels, listLevel: last.bareLevel };
  }
}

export interface PartyList {
  items: MentionMatch[];
  /** token index after the list */
  end: number;
  /** "các cấp", "từ tỉnh đến cơ sở": every level */
  allLevels: boolean;
  /** a level word closing the list ("..., các tổ chức chính trị - xã hội tỉnh") */
  listLevel: string | null;
}

// ---------------------------------------------------------------- naming

const ABBREVIATIONS: [RegExp, string][] = [
  [/\bUBND\b/g, 'Ủy ban nhân dân'],
  [/\bHĐND\b/g, 'Hội đồng nhân dân'],
  [/\bUBMTTQ(?: ?VN)?\b/g, 'Ủy ban Mặt trận Tổ quốc'],
  [/\bMTTQ(?: ?VN\b| Việt Nam)?/g, 'Mặt trận Tổ quốc'],
  [/\bUBKT\b/g, 'Ủy ban Kiểm tra'],
  [/\bBTV\b/g, 'Ban Thường vụ'],
  [/\bBCH\b/g, 'Ban Chấp hành'],
  [/\bBTG\b/g, 'Ban Tuyên giáo'],
  [/\bBDV\b/g, 'Ban Dân vận'],
  [/\bBTC\b/g, 'Ban Tổ chức'],
  [/\bBNC\b/g, 'Ban Nội chính'],
  [/\bBCS ?Đ(?![\p{L}])|\bBCSĐ(?![\p{L}])|\bBCS đảng(?![\p{L}])/gu, 'Ban cán sự đảng'],
  [/\bCT ?- ?XH\b/g, 'chính trị - xã hội'],
  [/\bTU\b/g, 'Tỉnh ủy'],
  [/\bHU\b/g, 'Huyện ủy'],
  [/\bVPTU\b/g, 'Văn phòng Tỉnh ủy'],
  [/\bLĐ ?- ?TB ?& ?XH\b|\bLĐTB ?& ?XH\b|\bLĐTBXH\b/g, 'Lao động - Thương binh và Xã hội'],
  [/\bTN ?& ?MT\b|\bTNMT\b/g, 'Tài nguyên và Môi trường'],
  [/\bKH ?& ?ĐT\b|\bKHĐT\b/g, 'Kế hoạch và Đầu tư'],
  [/\bGD ?& ?ĐT\b|\bGDĐT\b/g, 'Giáo dục và Đào tạo'],
  [/\bVHTT ?& ?DL\b|\bVH, ?TT ?& ?DL\b|\bVHTTDL\b/g, 'Văn hóa, Thể thao và Du lịch'],
  [/\bNN ?& ?PTNT\b|\bNNPTNT\b/g, 'Nông nghiệp và Phát triển nông thôn'],
  [/\bTT ?& ?TT\b|\bTTTT\b/g, 'Thông tin và Truyền thông'],
  [/\bKH ?& ?CN\b|\bKHCN\b/g, 'Khoa học và Công nghệ'],
  [/\bGTVT\b/g, 'Giao thông vận tải'],
  [/ ?& ?/g, ' và '],
  [/Lao động(?: ?- ?| )Thương binh/g, 'Lao động - Thương binh'],
  [/chính trị ?- ?xã hội/g, 'chính trị - xã hội'],
];

// canonical capitals of the fixed parts of names
const CANON_CASE: [RegExp, string][] = [
  [/^ủy ban kiểm tra|(?<= )ủy ban kiểm tra/giu, 'Ủy ban Kiểm tra'],
  [/ban thường vụ/giu, 'Ban Thường vụ'],
  [/ban thường trực/giu, 'Ban Thường trực'],
  [/ban chấp hành/giu, 'Ban Chấp hành'],
  [/ban tuyên giáo/giu, 'Ban Tuyên giáo'],
  [/ban dân vận/giu, 'Ban Dân vận'],
  [/ban tổ chức/giu, 'Ban Tổ chức'],
  [/ban nội chính/giu, 'Ban Nội chính'],
  [/ban cán sự đảng/giu, 'Ban cán sự đảng'],
  [/mặt trận tổ quốc/giu, 'Mặt trận Tổ quốc'],
  [/ủy ban nhân dân/giu, 'Ủy ban nhân dân'],
  [/hội đồng nhân dân/giu, 'Hội đồng nhân dân'],
  [/hội đồng lý luận/giu, 'Hội đồng Lý luận'],
  [/đảng đoàn/giu, 'Đảng đoàn'],
  [/đảng bộ/giu, 'Đảng bộ'],
  [/việt nam/giu, 'Việt Nam'],
];

export function expandAbbreviations(s: string): string {
  let out = s;
  for (const [re, to] of ABBREVIATIONS) out = out.replace(re, to);
  return out.replace(/\s+/g, ' ').trim();
}

export function canonCase(s: string): string {
  let out = s;
  for (const [re, to] of CANON_CASE) out = out.replace(re, to);
  return out;
}

function committeeName(ctx: Locality): string | null {
  if (!ctx.committee) return null;
  const place = ctx.committee === 'Tỉnh ủy' ? ctx.province : ctx.district;
  return place ? `${ctx.committee} ${place}` : ctx.committee;
}

const ENDS_COMMITTEE = /(Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy)$/;
const ENDS_LEVEL = /(?:^| )(tỉnh|huyện|thành phố|thị xã|quận)$/;
const HAS_LOCALITY =
  /(Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Trung ương)|(?:^| )(tỉnh|huyện|thành phố|thị xã|quận|xã|phường|thị trấn)(?: |$)/;

// central bodies have no locality
const CENTRAL =
  /^(?:Bộ (?!Chỉ huy)|Ban Bí thư|Bộ Chính trị|Chính phủ|Quốc hội|Thủ tướng|Văn phòng Chính phủ|Văn phòng Trung ương)|Trung ương/u;

function localize(name: string, kind: Kind, ctx: Locality, listLevel: string | null): string {
  if (CENTRAL.test(name)) return name;
  // a name that already holds the place ("Báo Hà Giang")
  if (ctx.province && name.endsWith(ctx.province)) return name;
  if (ctx.district && name.endsWith(ctx.district)) return name;
  const c = ENDS_COMMITTEE.exec(name);
  if (c) {
    const place = c[1] === 'Tỉnh ủy' ? ctx.province : (ctx.district ?? null);
    return place ? `${name} ${place}` : name;
  }
  const l = ENDS_LEVEL.exec(name);
  if (l) {
    const place = l[1] === 'tỉnh' ? ctx.province : ctx.district;
    return place ? `${name} ${place}` : name;
  }
  if (HAS_LOCALITY.test(name)) return name;
  if (kind === 'unit') {
    const owner = committeeName(ctx);
    return owner ? `${name} ${owner}` : name;
  }
  if (kind === 'state' || kind === 'front' || kind === 'dept' || kind === 'pgroup') {
    const level = listLevel ?? (ctx.level === 'district' ? 'huyện' : 'tỉnh');
    const place = level === 'huyện' ? ctx.district : ctx.province;
    return place ? `${name} ${level} ${place}` : name;
  }
  return name;
}

function genericName(
  m: MentionMatch,
  raw: string,
  ctx: Locality,
  list: PartyList | null,
  index: number,
): string {
  const head = m.head ?? '';
  const q = m.qualifiers;
  const committeeQ = q.find((x) => /ủy$/.test(x) && /^\p{Lu}/u.test(x));
  const ownCommittee = committeeQ ?? ctx.committee ?? '';
  const level = m.bareLevel ?? list?.listLevel ?? null;
  switch (head) {
    case 'cấp ủy':
    case 'cấp ủy đảng':
      return 'các cấp ủy đảng';
    case 'chính quyền':
      return 'các cấp chính quyền';
    case 'tổ chức đảng':
    case 'tổ chức cơ sở đảng':
    case 'đảng đoàn':
      return `các ${head}`;
    case 'ban cán sự đảng':
    case 'bcs đảng':
    case 'bcsđ':
      return 'các ban cán sự đảng';
    case 'ban đảng':
    case 'ban xây dựng đảng':
      return `các ban xây dựng đảng ${ownCommittee}`.trim();
    case 'huyện ủy':
    case 'thành ủy':
    case 'thị ủy':
    case 'quận ủy':
      return `các ${head}`;
    case 'cơ quan tham mưu':
    case 'cơ quan tham mưu, giúp việc':
      return `các ${head} ${ownCommittee}`.trim();
    case 'tổ chức chính trị - xã hội':
    case 'tổ chức ct - xh':
    case 'đoàn thể chính trị - xã hội': {
      const noun = head === 'đoàn thể chính trị - xã hội' ? head : 'tổ chức chính trị - xã hội';
      return `các ${noun}${m.bareLevel ? ` ${m.bareLevel}` : ''}`;
    }
    default:
      break;
  }
  if (head === 'chi, đảng bộ' || head === 'chi bộ, đảng bộ') {
    const under = q.includes('trực thuộc') ? ` trực thuộc ${ownCommittee}`.trimEnd() : '';
    return `các chi bộ, đảng bộ${under}`;
  }
  if (head === 'đảng ủy' || head === 'đảng bộ' || head === 'chi bộ') {
    if (q.includes('trực thuộc')) return `các ${head} trực thuộc ${ownCommittee}`.trim();
    if (!/^các /i.test(raw)) return raw;
    return lowerFirst(raw);
  }
  if (m.run.length) {
    let words = m.run;
    const set = [...new Set(words)].sort().join(',');
    if (set === 'ban,ngành,sở' || set === 'ban,sở,ngành') words = ['sở', 'ban', 'ngành'];
    if (words.length === 1 && words[0] === 'huyện' && list && index >= 0) {
      const next = list.items[index + 1];
      if (next && next.kind === 'generic' && /ủy$/.test(next.head ?? '')) words = ['huyện ủy'];
    }
    let name = `các ${words.join(', ')}`;
    if (q.some((x) => x.includes('liên quan'))) name += ' liên quan';
    const cap = q.find((x) => x.startsWith('cấp ') && x !== 'các cấp');
    if (cap) name += ` ${cap}`;
    else if (level && words.includes('sở')) name += ` cấp ${level}`;
    else if (m.bareLevel) name += ` ${m.bareLevel}`;
    return name;
  }
  return lowerFirst(raw.replace(/^(các|những) /i, 'các '));
}

function personName(m: MentionMatch, raw: string): string {
  switch (m.head) {
    case 'tỉnh ủy viên':
      return 'Ủy viên Ban Chấp hành Đảng bộ tỉnh';
    case 'huyện ủy viên':
      return 'Ủy viên Ban Chấp hành Đảng bộ huyện';
    case 'thành ủy viên':
      return 'Ủy viên Ban Chấp hành Đảng bộ thành phố';
    default: {
      const unit = raw.replace(/^(các )?đồng chí ủy viên /i, '');
      return `Ủy viên ${canonCase(expandAbbreviations(unit))}`;
    }
  }
}

export interface NamedParty {
  mention: string;
  name: string;
  group: boolean;
}

export function nameMention(
  m: MentionMatch,
  tokens: Token[],
  text: string,
  ctx: Locality,
  list: PartyList | null,
  index = -1,
): NamedParty {
  const mention = text.slice(tokens[m.start].start, tokens[m.end - 1].end);
  if (m.bodyStart !== undefined) {
    const body = nameMention(
      { ...m, start: m.bodyStart, bodyStart: undefined },
      tokens,
      text,
      ctx,
      list,
      index,
    );
    return { ...body, mention };
  }
  const raw = mention;
  if (m.kind === 'generic') {
    return { mention: raw, name: genericName(m, raw, ctx, list, index), group: true };
  }
  if (m.kind === 'person') return { mention: raw, name: personName(m, raw), group: m.group };
  if (m.head === 'unit of groups') {
    return { mention: raw, name: canonCase(expandAbbreviations(raw)), group: true };
  }
  // a district-level committee named bare in a provincial document is each of them
  const lower = /^(Huyện|Quận|Thị|Thành) ủy$/u.exec(raw);
  if (m.kind === 'committee' && lower && ctx.level === 'province') {
    return { mention: raw, name: `các ${lower[1].toLowerCase()} ủy`, group: true };
  }
  let name = canonCase(expandAbbreviations(raw));
  name = name.replace(
    /^Ban Chấp hành Đảng bộ (tỉnh|huyện|thành phố)(?= |$)/,
    (_x, l: string) => ({ tỉnh: 'Tỉnh ủy', huyện: 'Huyện ủy', 'thành phố': 'Thành ủy' })[l] ?? _x,
  );
  if (m.kind === 'front' || /^Mặt trận Tổ quốc/.test(name)) {
    name = name.replace(
      /^(?!Ủy ban |Ban Thường trực )(.*?)Mặt trận Tổ quốc/,
      '$1Ủy ban Mặt trận Tổ quốc',
    );
    name = name.replace(/Mặt trận Tổ quốc Việt Nam/, 'Mặt trận Tổ quốc');
  }
  const everyLevel =
    m.allLevels ||
    (!!list?.allLevels && (m.kind === 'front' || m.kind === 'state') && !HAS_LOCALITY.test(name));
  if (everyLevel) {
    if (!/ các /.test(name)) name = `${name} các cấp`;
    return { mention: raw, name, group: true };
  }
  return { mention: raw, name: localize(name, m.kind, ctx, list?.listLevel ?? null), group: false };
}

/** Mentions of a list named and resolved, in text order, without repeats. */
export function nameList(
  list: PartyList,
  tokens: Token[],
  text: string,
  ctx: Locality,
): NamedParty[] {
  const out: NamedParty[] = [];
  const seen = new Set<string>();
  list.items.forEach((m, index) => {
    const p = nameMention(m, tokens, text, ctx, list, index);
    if (seen.has(p.name)) return;
    seen.add(p.name);
    out.push(p);
  });
  return out;
}

export class PartyResolver {
  readonly unresolved: string[] = [];
  constructor(
    private readonly directory: PartyDirectory | undefined,
    private readonly ctx: Locality,
  ) {}

  toParty(p: NamedParty): Party {
    if (!this.directory) return { mention: p.mention, name: p.name, group: p.group };
    const match = this.directory.resolve({
      mention: p.mention,
      name: p.name,
      group: p.group,
      asOf: this.ctx.asOf,
      province: this.ctx.province,
      district: this.ctx.district,
    });
    if (!match) this.unresolved.push(p.mention);
    return {
      mention: p.mention,
      name: match?.name ?? p.name,
      orgId: match?.orgId ?? null,
      group: p.group,
    };
  }
}

/** Parses a whole phrase (a line of "Kính gửi" or "Nơi nhận") into named mentions. */
export function partiesInPhrase(phraseText: string, ctx: Locality): NamedParty[] {
  const tokens = tokenize(phraseText);
  const g = new PartyGrammar(tokens);
  const out: NamedParty[] = [];
  const seen = new Set<string>();
  let i = 0;
  while (i < tokens.length) {
    const list = g.listAt(i);
    if (list) {
      for (const p of nameList(list, tokens, phraseText, ctx)) {
        if (seen.has(p.name)) continue;
        seen.add(p.name);
        out.push(p);
      }
      i = Math.max(list.end, i + 1);
    } else i++;
  }
  return out;
}
