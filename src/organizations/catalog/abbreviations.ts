import { foldDiacritics, nameTokens } from './normalize-name.js';

// Abbreviations used in party and state documents, as written (after normalizeName, so
// "&" already reads "và" and case is gone). Each spelling without diacritics is added
// automatically. Ambiguous ones ("TT": thường trực or thông tin – truyền thông) are left out.
const ABBREVIATIONS: ReadonlyArray<readonly [string, string]> = [
  ['ubnd', 'ủy ban nhân dân'],
  ['ubmttq', 'ủy ban mặt trận tổ quốc'],
  ['mttq', 'mặt trận tổ quốc'],
  ['hđnd', 'hội đồng nhân dân'],
  ['ubkt', 'ủy ban kiểm tra'],
  ['ubkttu', 'ủy ban kiểm tra tỉnh ủy'],
  ['ubkthu', 'ủy ban kiểm tra huyện ủy'],
  ['btv', 'ban thường vụ'],
  ['bch', 'ban chấp hành'],
  ['btg', 'ban tuyên giáo'],
  ['btgdv', 'ban tuyên giáo và dân vận'],
  ['btg và dv', 'ban tuyên giáo và dân vận'],
  ['bdv', 'ban dân vận'],
  ['btc', 'ban tổ chức'],
  ['bnc', 'ban nội chính'],
  ['bcsđ', 'ban cán sự đảng'],
  ['bcs đảng', 'ban cán sự đảng'],
  ['bcs', 'ban cán sự đảng'],
  ['tu', 'tỉnh ủy'],
  ['hu', 'huyện ủy'],
  ['tw', 'trung ương'],
  ['vp', 'văn phòng'],
  ['vptu', 'văn phòng tỉnh ủy'],
  ['vphu', 'văn phòng huyện ủy'],
  ['tttu', 'thường trực tỉnh ủy'],
  ['tthu', 'thường trực huyện ủy'],
  ['btgtu', 'ban tuyên giáo tỉnh ủy'],
  ['bdvtu', 'ban dân vận tỉnh ủy'],
  ['btctu', 'ban tổ chức tỉnh ủy'],
  ['bnctu', 'ban nội chính tỉnh ủy'],
  ['bdvhu', 'ban dân vận huyện ủy'],
  ['btghu', 'ban tuyên giáo huyện ủy'],
  ['btchu', 'ban tổ chức huyện ủy'],
  ['ct xh', 'chính trị xã hội'],
  ['ctxh', 'chính trị xã hội'],
  ['lđ tb và xh', 'lao động thương binh và xã hội'],
  ['lđtb và xh', 'lao động thương binh và xã hội'],
  ['lđtbxh', 'lao động thương binh và xã hội'],
  ['nn và ptnt', 'nông nghiệp và phát triển nông thôn'],
  ['nnptnt', 'nông nghiệp và phát triển nông thôn'],
  ['nn và mt', 'nông nghiệp và môi trường'],
  ['nnmt', 'nông nghiệp và môi trường'],
  ['tn và mt', 'tài nguyên và môi trường'],
  ['tnmt', 'tài nguyên và môi trường'],
  ['kh và đt', 'kế hoạch và đầu tư'],
  ['khđt', 'kế hoạch và đầu tư'],
  ['gd và đt', 'giáo dục và đào tạo'],
  ['gdđt', 'giáo dục và đào tạo'],
  ['tt và tt', 'thông tin và truyền thông'],
  ['tttt', 'thông tin và truyền thông'],
  ['kh và cn', 'khoa học và công nghệ'],
  ['khcn', 'khoa học và công nghệ'],
  ['vh tt và dl', 'văn hóa thể thao và du lịch'],
  ['vhttdl', 'văn hóa thể thao và du lịch'],
  ['dt và tg', 'dân tộc và tôn giáo'],
  ['lđlđ', 'liên đoàn lao động'],
  ['hlhpn', 'hội liên hiệp phụ nữ'],
  ['lhpn', 'liên hiệp phụ nữ'],
  ['hnd', 'hội nông dân'],
  ['hccb', 'hội cựu chiến binh'],
  ['ccb', 'cựu chiến binh'],
  ['tncs', 'thanh niên cộng sản'],
  ['hcm', 'hồ chí minh'],
  ['bđbp', 'bộ đội biên phòng'],
  ['dn', 'doanh nghiệp'],
];

interface Rule {
  from: string[];
  to: string[];
}

function buildRules(): Rule[] {
  const rules: Rule[] = [];
  const seen = new Set<string>();
  for (const [from, to] of ABBREVIATIONS) {
    const target = nameTokens(to);
    for (const spelling of [from, foldDiacritics(from)]) {
      const tokens = nameTokens(spelling);
      const key = tokens.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      rules.push({ from: tokens, to: target });
    }
  }
  // Longest first, so "bcs đảng" wins over "bcs".
  return rules.sort((a, b) => b.from.length - a.from.length);
}

const RULES = buildRules();

/**
 * Expands abbreviations word by word. Tokens are compared as written (with diacritics), so
 * "tư" (Sở Tư pháp) is never read as "TU"; a mention typed without diacritics gets the
 * expansion too, and callers also try the unexpanded form.
 */
export function expandAbbreviations(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  outer: while (i < tokens.length) {
    for (const rule of RULES) {
      const n = rule.from.length;
      if (i + n > tokens.length) continue;
      let same = true;
      for (let k = 0; k < n; k++) {
        if (tokens[i + k] !== rule.from[k]) {
          same = false;
          break;
        }
      }
      if (same) {
        // "bcs đảng" and a bare "bcs" followed by "đảng" must not yield "đảng đảng".
        out.push(...rule.to);
        i += n;
        if (
          rule.to[rule.to.length - 1] === 'đảng' &&
          (tokens[i] === 'đảng' || tokens[i] === 'dang')
        )
          i += 1;
        continue outer;
      }
    }
    out.push(tokens[i]);
    i += 1;
  }
  return out;
}
