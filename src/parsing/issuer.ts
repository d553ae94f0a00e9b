// The issuer and the locality it gives the document: the header's issuer lines (parent body
// above, issuing unit below: "HUYỆN ỦY ĐAM RÔNG / BAN DÂN VẬN"), or the issuer under the kind's
// name ("CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH"), or the body signed for ("T/M TỈNH ỦY").

import { type Locality, canonCase, partiesInPhrase } from './parties.js';
import { isAllCaps, upperFirst } from './text-util.js';

const LEVEL_START = /^(tỉnh|huyện|thành phố|thị xã|quận|xã|phường|thị trấn)(?![\p{L}])(?!\s+ủy)/iu;
const PLACE_AFTER =
  /(?<![\p{L}])(tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy|tỉnh|huyện|thành phố|thị xã|quận|xã|phường|thị trấn)((?:\s(?!ủy(?:\s|$))\p{L}+)+)$/u;
const DEPT_START =
  /^(?:Sở|Phòng|Ban|Hội|Cục|Chi cục|Trung tâm|Liên đoàn|Đoàn|Văn phòng|Ủy ban Kiểm tra|Đảng ủy|Đảng đoàn|Ban cán sự đảng|Công an|Thanh tra|Bộ Chỉ huy|Kho bạc)(?![\p{L}])/u;

/** "BAN DÂN VẬN" → "Ban Dân vận", "HUYỆN ỦY ĐAM RÔNG" → "Huyện ủy Đam Rông" */
export function recase(line: string): string {
  if (!isAllCaps(line)) return line;
  let s = line.toLocaleLowerCase('vi');
  s = s.replace(
    PLACE_AFTER,
    (_m, level: string, place: string) =>
      level +
      place.replace(/(\s)(\p{L})/gu, (_x, sp: string, c: string) => sp + c.toLocaleUpperCase('vi')),
  );
  s = upperFirst(s);
  s = s.replace(/(?<![\p{L}])(tỉnh|thành|huyện|quận|thị) ủy/giu, (m) => upperFirst(m));
  s = s.replace(/(?<![\p{L}])(ubnd|hđnd|mttq|ubmttq|ubkt|bcs|btv|bch)(?![\p{L}])/giu, (m) =>
    m.toLocaleUpperCase('vi'),
  );
  s = canonCase(s);
  s = s.replace(
    /^(Sở|Phòng|Hội|Cục|Chi cục|Trung tâm|Liên đoàn|Đài|Báo) (\p{L})/u,
    (_m, head: string, c: string) => `${head} ${c.toLocaleUpperCase('vi')}`,
  );
  s = s.replace(
    /(?<=^(?:Sở|Phòng|Hội|Cục) .*?)(?:\s(và|-|,)\s|,\s)(\p{Ll})/gu,
    (m, _sep: string, c: string) => m.slice(0, -1) + c.toLocaleUpperCase('vi'),
  );
  return s;
}

export function combineIssuer(lines: string[]): string {
  const rec = lines.map(recase).filter(Boolean);
  // a line that is only a level and place ("TỈNH HÀ GIANG") completes the line above it
  const merged: string[] = [];
  for (const line of rec) {
    if (merged.length && LEVEL_START.test(line)) {
      merged[merged.length - 1] +=
        ` ${line.replace(LEVEL_START, (m) => m.toLocaleLowerCase('vi'))}`;
    } else merged.push(line);
  }
  // "ĐẢNG BỘ TỈNH X" above "HUYỆN ỦY Y" names the superior organization, not the issuer
  if (merged.length > 1 && /^Đảng bộ (?:tỉnh|huyện|thành phố|khối)/iu.test(merged[0]))
    merged.shift();
  if (merged.length <= 1) return merged[0] ?? '';
  rec.splice(0, rec.length, ...merged);
  const last = rec[rec.length - 1];
  if (DEPT_START.test(last)) {
    let owner = rec.slice(0, -1).join(' ');
    if (/^(?:Sở|Phòng|Công an|Thanh tra|Chi cục|Cục)/u.test(last)) {
      owner = owner.replace(/^(?:Ủy ban nhân dân|UBND)\s+/u, '');
    }
    return `${last} ${owner}`;
  }
  return rec.join(' ');
}

/** the province named anywhere in the issuer lines ("ĐẢNG BỘ TỈNH LÂM ĐỒNG") */
export function provinceInIssuer(lines: string[]): string | null {
  const text = lines.map(recase).join(' ');
  const m =
    /(?:tỉnh|Tỉnh ủy)\s+((?!(?:Ban|Sở|Văn|Ủy|Đảng|Hội|Phòng|Huyện|Thành|Thường)(?![\p{L}]))\p{Lu}\p{Ll}*(?:\s(?!(?:Ban|Sở|Văn|Ủy|Đảng|Hội|Phòng|Huyện|Thành|Thường)(?![\p{L}]))\p{Lu}\p{Ll}*){0,2})/u.exec(
      text,
    );
  return m ? m[1] : null;
}

export function localityOf(issuerName: string): Partial<Locality> {
  const out: Partial<Locality> = {};
  const c =
    /(Tỉnh|Thành|Huyện|Quận|Thị) ủy(?: ((?!(?:Ban|Sở|Văn|Ủy|Đảng|Hội|Phòng|Thường|Chi|Cục)(?![\p{L}]))\p{Lu}\p{L}*(?: (?!(?:Ban|Sở|Văn|Ủy|Đảng|Hội|Phòng|Thường|Chi|Cục)(?![\p{L}]))\p{Lu}\p{L}*){0,3}))?/u.exec(
      issuerName,
    );
  if (c) {
    out.committee = `${c[1]} ủy`;
    out.level = c[1] === 'Tỉnh' ? 'province' : 'district';
    if (c[2]) {
      if (c[1] === 'Tỉnh') out.province = c[2];
      else out.district = c[2];
    }
    return out;
  }
  const bch =
    /(?:Ban Chấp hành )?Đảng bộ (tỉnh|huyện|thành phố)(?: ((?!(?:Ban|Sở|Văn|Ủy|Đảng|Hội|Phòng|Thường|Chi|Cục)(?![\p{L}]))\p{Lu}\p{L}*(?: (?!(?:Ban|Sở|Văn|Ủy|Đảng|Hội|Phòng|Thường|Chi|Cục)(?![\p{L}]))\p{Lu}\p{L}*){0,3}))?/u.exec(
      issuerName,
    );
  if (bch) {
    out.committee = bch[1] === 'tỉnh' ? 'Tỉnh ủy' : bch[1] === 'huyện' ? 'Huyện ủy' : 'Thành ủy';
    out.level = bch[1] === 'tỉnh' ? 'province' : 'district';
    if (bch[2]) out[bch[1] === 'tỉnh' ? 'province' : 'district'] = bch[2];
    return out;
  }
  const l =
    /(?<![\p{L}])(tỉnh|huyện|thành phố|thị xã|quận)(?: ((?!(?:Ban|Sở|Văn|Ủy|Đảng|Hội|Phòng|Thường|Chi|Cục)(?![\p{L}]))\p{Lu}\p{L}*(?: (?!(?:Ban|Sở|Văn|Ủy|Đảng|Hội|Phòng|Thường|Chi|Cục)(?![\p{L}]))\p{Lu}\p{L}*){0,3}))?/u.exec(
      issuerName,
    );
  if (l) {
    out.level = l[1] === 'tỉnh' ? 'province' : 'district';
    if (l[2]) out[l[1] === 'tỉnh' ? 'province' : 'district'] = l[2];
  }
  return out;
}

/** the issuer's full name, through the same naming rules as any mention */
export function nameIssuer(combined: string, ctx: Locality): string {
  const parties = partiesInPhrase(combined, ctx);
  const whole = parties.find((p) => p.mention.length >= combined.length * 0.6);
  return whole?.name ?? combined;
}

/** the province most named in "tỉnh X" */
export function provinceInText(text: string): string | null {
  const counts = new Map<string, number>();
  const re = /(?<![\p{L}])tỉnh (\p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*){0,2})/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[1].split(' ').filter((w) => !/^(?:Ủy|Nghị|Chỉ|Kế|Quyết|Ban|Hội|Sở)$/u.test(w));
    if (!name.length || name.length < 2) continue;
    const key = name.join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [k, v] of counts) if (!best || v > (counts.get(best) ?? 0)) best = k;
  return best;
}
