import { describe, expect, it } from '@jest/globals';
import {
  MentionResolver,
  type ResolveContext,
} from '../../src/organizations/catalog/mention-resolver.js';
import { realResolver } from './catalog-resolver.fixture.js';

const HG_2022: ResolveContext = { province: 'Hà Giang', asOf: '2022-06-01' };
const HG_2025_04: ResolveContext = { province: 'Hà Giang', asOf: '2025-04-15' };
const TQ_2025_09: ResolveContext = { province: 'Tuyên Quang', asOf: '2025-09-10' };
const LD_2021: ResolveContext = { province: 'Lâm Đồng', asOf: '2021-11-23' };
const LD_2025_09: ResolveContext = { province: 'Lâm Đồng', asOf: '2025-09-10' };
const DR_2021: ResolveContext = { province: 'Lâm Đồng', district: 'Đam Rông', asOf: '2021-11-05' };
const DR_2025_04: ResolveContext = {
  province: 'Lâm Đồng',
  district: 'Đam Rông',
  asOf: '2025-04-01',
};

type Expected = string | null | { group: string; members: number };

// mention, context, expected body code / group tag and member count / null (nothing taken)
const TABLE: Array<[string, ResolveContext, Expected]> = [
  // exact canonical names
  ['Ban Tuyên giáo Tỉnh ủy Hà Giang', HG_2022, 'hg-ban-tuyen-giao'],
  ['Ủy ban nhân dân tỉnh Hà Giang', HG_2022, 'hg-ubnd'],
  ['Đảng đoàn Hội đồng nhân dân tỉnh Lâm Đồng', LD_2021, 'ld-dd-hdnd'],
  ['Ban cán sự đảng Ủy ban nhân dân tỉnh Hà Giang', HG_2022, 'hg-bcsd-ubnd'],
  ['Ủy ban nhân dân huyện Đam Rông', DR_2021, 'ld-dr-ubnd'],
  ['Hội đồng Lý luận tỉnh Hà Giang', HG_2022, 'hg-hoi-dong-ly-luan'],
  ['Huyện ủy Hoàng Su Phì', HG_2022, 'hg-huyen-uy-hoang-su-phi'],
  ['Thành ủy Bảo Lộc', LD_2021, 'ld-thanh-uy-bao-loc'],
  ["Đảng ủy xã Đạ M'Rông", DR_2021, 'ld-dr-dang-uy-xa-da-mrong'],
  ['Đảng ủy Bộ đội Biên phòng tỉnh Hà Giang', HG_2022, 'hg-dang-uy-bien-phong'],
  // abbreviations
  ['UBND tỉnh', HG_2022, 'hg-ubnd'],
  ['UBND huyện', DR_2021, 'ld-dr-ubnd'],
  ['UBKT Tỉnh ủy', LD_2021, 'ld-ubkt'],
  ['UBKT TU', HG_2022, 'hg-ubkt'],
  ['HĐND tỉnh', HG_2022, 'hg-hdnd'],
  ['HDND tinh', LD_2021, 'ld-hdnd'],
  ['Đảng đoàn HĐND tỉnh', LD_2021, 'ld-dd-hdnd'],
  ['Ủy ban MTTQ tỉnh', LD_2021, 'ld-mttq'],
  ['BTG Tỉnh ủy', HG_2022, 'hg-ban-tuyen-giao'],
  ['BDV TU', LD_2021, 'ld-ban-dan-van'],
  ['BTC Tỉnh ủy', HG_2022, 'hg-ban-to-chuc'],
  ['BNC Tỉnh ủy Lâm Đồng', LD_2021, 'ld-ban-noi-chinh'],
  ['BCSĐ UBND tỉnh', HG_2022, 'hg-bcsd-ubnd'],
  ['BCSD UBND tinh', HG_2022, 'hg-bcsd-ubnd'],
  ['BCS đảng UBND tỉnh', LD_2021, 'ld-bcsd-ubnd'],
  ['VPTU', HG_2022, 'hg-van-phong'],
  ['VP Tỉnh ủy', LD_2021, 'ld-van-phong'],
  ['Sở LĐ-TB&XH', HG_2022, 'hg-so-ldtbxh'],
  ['Sở NN&PTNT tỉnh', LD_2021, 'ld-so-nnptnt'],
  ['Sở KH&ĐT', HG_2022, 'hg-so-khdt'],
  ['Sở TT&TT', HG_2022, 'hg-so-tttt'],
  ['Phòng LĐ-TB&XH huyện', DR_2021, 'ld-dr-phong-ldtbxh'],
  ['Phòng Lao động Thương binh & Xã hội huyện', DR_2021, 'ld-dr-phong-ldtbxh'],
  ['BDVHU', DR_2021, 'ld-dr-ban-dan-van'],
  ['BDV HU', DR_2021, 'ld-dr-ban-dan-van'],
  ['HU Đam Rông', LD_2021, 'ld-huyen-uy-dam-rong'],
  ['Tỉnh đoàn', HG_2022, 'hg-tinh-doan'],
  ['Hội LHPN tỉnh', LD_2021, 'ld-hoi-phu-nu'],
  ['LĐLĐ tỉnh Hà Giang', HG_2022, 'hg-ldld'],
  ['Ban Tuyên giáo Tỉnh ủy (b/c)', HG_2022, 'hg-ban-tuyen-giao'],
  // no diacritics, "Uỷ", mixed case, NFD
  ['Ban Tuyen giao Tinh uy', HG_2022, 'hg-ban-tuyen-giao'],
  ['uy ban nhan dan tinh ha giang', HG_2022, 'hg-ubnd'],
  ['Uỷ ban Kiểm tra Tỉnh uỷ', HG_2022, 'hg-ubkt'],
  ['ỦY BAN KIỂM TRA TỈNH ỦY LÂM ĐỒNG', LD_2021, 'ld-ubkt'],
  ['BAN CHẤP HÀNH ĐẢNG BỘ TỈNH', HG_2022, 'hg-tinh-uy'],
  ['Sở Văn hoá, Thể thao và Du lịch', HG_2022, 'hg-so-vhttdl'],
  ['Sở Tư pháp', LD_2021, 'ld-so-tu-phap'],
  ['So Tu phap tinh Lam Dong', LD_2021, 'ld-so-tu-phap'],
  ['Huyen uy Dam Rong', LD_2021, 'ld-huyen-uy-dam-rong'],
  ['Ủy ban nhân dân huyện Đam Rông'.normalize('NFD'), DR_2021, 'ld-dr-ubnd'],
  ['Đảng ủy xã Liêng Srônh', DR_2021, 'ld-dr-dang-uy-xa-lieng-sronh'],
  ['dang uy xa da knang', DR_2021, 'ld-dr-dang-uy-xa-da-knang'],
  // letterhead order: parent first
  ['HUYỆN ỦY ĐAM RÔNG BAN DÂN VẬN', DR_2021, 'ld-dr-ban-dan-van'],
  ['TỈNH ỦY HÀ GIANG VĂN PHÒNG', HG_2022, 'hg-van-phong'],
  // locality from the context
  ['Ban Tuyên giáo Tỉnh ủy', HG_2022, 'hg-ban-tuyen-giao'],
  ['Ban Tuyên giáo Tỉnh ủy', LD_2021, 'ld-ban-tuyen-giao'],
  ['Ban Dân vận Huyện ủy', DR_2021, 'ld-dr-ban-dan-van'],
  ['Thường trực Huyện ủy', DR_2021, 'ld-dr-thuong-truc'],
  ['Tỉnh ủy', LD_2021, 'ld-tinh-uy'],
  ['Mặt trận Tổ quốc', HG_2022, 'hg-mttq'],
  ['Sở Tài chính', HG_2022, 'hg-so-tai-chinh'],
  ['Huyện ủy', DR_2021, 'ld-huyen-uy-dam-rong'],
  // the other province's body is never taken; a district body needs its district
  ['Ban Tuyên giáo Tỉnh ủy', { province: 'Quảng Ninh', asOf: '2022-06-01' }, null],
  ['UBND huyện', { province: 'Hà Giang', district: 'Đam Rông', asOf: '2021-11-05' }, null],
  ['Ban Dân vận Huyện ủy', LD_2021, null],
  ['Hội đồng Lý luận tỉnh', LD_2021, null],
  ['Ban Tuyên giáo Tỉnh ủy', { asOf: '2022-06-01' }, null],
  // an explicit locality in the mention is taken as written
  ['Tỉnh ủy Lâm Đồng', HG_2022, 'ld-tinh-uy'],
  // as of the date: renamed and merged bodies
  [
    'Ban Tuyên giáo Tỉnh ủy Hà Giang',
    { province: 'Hà Giang', asOf: '2025-02-28' },
    'hg-ban-tuyen-giao',
  ],
  ['Ban Tuyên giáo Tỉnh ủy Hà Giang', HG_2025_04, null],
  ['Ban Tuyên giáo và Dân vận Tỉnh ủy', HG_2025_04, 'hg-ban-tuyen-giao-dan-van'],
  ['Ban Tuyên giáo và Dân vận Tỉnh ủy', HG_2022, null],
  ['Ban Tuyên giáo và Dân vận Tỉnh ủy Tuyên Quang', TQ_2025_09, 'tq-ban-tuyen-giao-dan-van'],
  [
    'Ban Tuyên giáo và Dân vận Tỉnh ủy Tuyên Quang',
    { province: 'Hà Giang', asOf: '2025-09-10' },
    'tq-ban-tuyen-giao-dan-van',
  ],
  ['Tỉnh ủy Lâm Đồng', LD_2021, 'ld-tinh-uy'],
  ['Tỉnh ủy Lâm Đồng', LD_2025_09, 'ld25-tinh-uy'],
  ['Tỉnh ủy', LD_2025_09, 'ld25-tinh-uy'],
  ['Tỉnh ủy Lâm Đồng', { province: 'Lâm Đồng', asOf: null }, 'ld25-tinh-uy'],
  ['Ban cán sự đảng UBND tỉnh', HG_2025_04, null],
  ['Đảng ủy UBND tỉnh', HG_2025_04, 'hg-dang-uy-ubnd'],
  ['Sở Lao động - Thương binh và Xã hội tỉnh Hà Giang', HG_2025_04, null],
  ['Sở Nông nghiệp và Môi trường', HG_2025_04, 'hg-so-nnmt'],
  ['Sở NN&MT', TQ_2025_09, 'tq-so-nnmt'],
  ['Huyện ủy Cát Tiên', LD_2021, 'ld-huyen-uy-cat-tien'],
  ['Huyện ủy Cát Tiên', { province: 'Lâm Đồng', asOf: '2025-03-01' }, null],
  ['Huyện ủy Bắc Quang', { province: 'Hà Giang', asOf: '2025-07-01' }, null],
  ['Ban Tuyên giáo và Dân vận Huyện ủy', DR_2025_04, 'ld-dr-ban-tuyen-giao-dan-van'],
  // groups: tag and member count as of the date in that province / district
  ['các huyện ủy', HG_2022, { group: 'huyen-uy', members: 10 }],
  ['các huyện ủy', LD_2021, { group: 'huyen-uy', members: 10 }],
  ['các huyện ủy', { province: 'Lâm Đồng', asOf: '2025-03-01' }, { group: 'huyen-uy', members: 8 }],
  ['các huyện ủy', TQ_2025_09, { group: 'huyen-uy', members: 0 }],
  ['các huyện ủy, thành ủy', HG_2022, { group: 'huyen-uy-thanh-uy', members: 11 }],
  ['các huyện ủy, thành ủy', LD_2021, { group: 'huyen-uy-thanh-uy', members: 12 }],
  ['các sở, ban, ngành', HG_2022, { group: 'so-ban-nganh', members: 13 }],
  ['Các ban, sở, ngành', HG_2025_04, { group: 'so-ban-nganh', members: 9 }],
  ['các sở, ban, ngành', TQ_2025_09, { group: 'so-ban-nganh', members: 9 }],
  ['các sở, ban, ngành liên quan', HG_2022, { group: 'so-ban-nganh-lien-quan', members: 13 }],
  ['các ban xây dựng đảng Tỉnh ủy', HG_2022, { group: 'ban-xay-dung-dang', members: 4 }],
  ['các Ban đảng', HG_2025_04, { group: 'ban-xay-dung-dang', members: 3 }],
  ['các ban xây dựng đảng Tỉnh ủy', TQ_2025_09, { group: 'ban-xay-dung-dang', members: 3 }],
  ['các cơ quan tham mưu Tỉnh ủy', LD_2021, { group: 'co-quan-tham-muu', members: 6 }],
  [
    'các tổ chức chính trị - xã hội tỉnh',
    HG_2022,
    { group: 'to-chuc-chinh-tri-xa-hoi-tinh', members: 5 },
  ],
  ['tổ chức CT-XH tỉnh', LD_2021, { group: 'to-chuc-chinh-tri-xa-hoi-tinh', members: 5 }],
  ['Đảng ủy các xã', DR_2021, { group: 'dang-uy-xa', members: 8 }],
  ['Đảng ủy các xã', { ...DR_2021, asOf: '2025-07-01' }, { group: 'dang-uy-xa', members: 0 }],
  ['các đảng ủy trực thuộc Tỉnh ủy', HG_2022, { group: 'dang-uy-truc-thuoc', members: 5 }],
  ['các đảng ủy trực thuộc Tỉnh ủy', LD_2021, { group: 'dang-uy-truc-thuoc', members: 4 }],
  ['các đảng ủy trực thuộc Tỉnh ủy', HG_2025_04, { group: 'dang-uy-truc-thuoc', members: 5 }],
  ['Các đảng bộ trực thuộc Tỉnh ủy', LD_2021, { group: 'dang-bo-truc-thuoc', members: 16 }],
  ['các ban cán sự đảng, đảng đoàn', HG_2022, { group: 'ban-can-su-dang-dang-doan', members: 7 }],
  [
    'các ban cán sự đảng, đảng đoàn',
    HG_2025_04,
    { group: 'ban-can-su-dang-dang-doan', members: 1 },
  ],
  ['Các đảng đoàn', LD_2021, { group: 'dang-doan', members: 6 }],
  ['các cấp chính quyền', LD_2021, { group: 'chinh-quyen', members: 2 }],
  ['Các đồng chí Tỉnh ủy viên', HG_2022, { group: 'uy-vien-ban-chap-hanh', members: 1 }],
  ['cac huyen uy', HG_2022, { group: 'huyen-uy', members: 10 }],
];

function describeExpected(expected: Expected): string {
  if (expected === null) return 'nothing';
  if (typeof expected === 'string') return expected;
  return `group ${expected.group} (${expected.members})`;
}

describe('resolveMention', () => {
  const resolver = realResolver();

  it('has a table of at least 60 mentions', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
  });

  it.each(
    TABLE.map(
      ([mention, context, expected]) =>
        [mention, JSON.stringify(context), describeExpected(expected), context, expected] as const,
    ),
  )('"%s" %s → %s', (mention, _ctx, _label, context, expected) => {
    const result = resolver.resolveMention(mention, context);
    if (expected === null) {
      expect(result.organization).toBeNull();
      expect(result.group).toBeNull();
    } else if (typeof expected === 'string') {
      expect(result.group).toBeNull();
      expect(result.organization?.code).toBe(expected);
    } else {
      expect(result.organization).toBeNull();
      expect(result.group?.tag).toBe(expected.group);
      expect(result.group?.members.length).toBe(expected.members);
    }
  });

  it('keeps a body that ended before the date as a candidate, flagged', () => {
    const result = resolver.resolveMention('Ban Tuyên giáo Tỉnh ủy Hà Giang', HG_2025_04);
    expect(result.organization).toBeNull();
    expect(result.candidates[0]).toMatchObject({ validAtDate: false, matchedBy: 'name' });
    expect(result.candidates[0].organization.code).toBe('hg-ban-tuyen-giao');
  });

  it('lists the candidates when the locality is missing, and takes none', () => {
    const result = resolver.resolveMention('Ban Tuyên giáo Tỉnh ủy', { asOf: '2022-06-01' });
    expect(result.organization).toBeNull();
    expect(result.candidates.map((c) => c.organization.code).sort()).toEqual([
      'hg-ban-tuyen-giao',
      'ld-ban-tuyen-giao',
    ]);
    const other = resolver.resolveMention('Ban Tuyên giáo Tỉnh ủy', {
      province: 'Quảng Ninh',
      asOf: '2022-06-01',
    });
    expect(other.candidates).toEqual([]);
    const explicit = resolver.resolveMention('Ban Tuyên giáo Tỉnh ủy Hà Giang', {
      asOf: '2022-06-01',
    });
    expect(explicit.organization?.code).toBe('hg-ban-tuyen-giao');
  });

  it('lists group members valid at the date in the context province', () => {
    const result = resolver.resolveMention('các ban xây dựng đảng Tỉnh ủy', HG_2022);
    expect(result.group?.members.map((m) => m.code).sort()).toEqual([
      'hg-ban-dan-van',
      'hg-ban-noi-chinh',
      'hg-ban-to-chuc',
      'hg-ban-tuyen-giao',
    ]);
    const later = resolver.resolveMention('các ban xây dựng đảng Tỉnh ủy', TQ_2025_09);
    expect(later.group?.members.map((m) => m.code).sort()).toEqual([
      'tq-ban-noi-chinh',
      'tq-ban-to-chuc',
      'tq-ban-tuyen-giao-dan-van',
    ]);
  });

  it('marks open-ended groups as selective', () => {
    expect(resolver.resolveMention('các sở, ban, ngành liên quan', HG_2022).group?.selective).toBe(
      true,
    );
    expect(resolver.resolveMention('các sở, ban, ngành cấp tỉnh', HG_2022).group?.selective).toBe(
      false,
    );
  });

  it('reads a plural flag from the caller: "Mặt trận Tổ quốc" as the body or as all levels', () => {
    expect(resolver.resolveMention('Mặt trận Tổ quốc', HG_2022).organization?.code).toBe('hg-mttq');
    expect(
      resolver.resolveMention('Mặt trận Tổ quốc', { ...HG_2022, plural: true }).group?.tag,
    ).toBe('mttq-cac-cap');
  });
});

describe('successorAsOf', () => {
  const resolver = realResolver();
  const cases: Array<[string, string, string | null]> = [
    ['hg-ban-tuyen-giao', '2022-06-01', 'hg-ban-tuyen-giao'],
    ['hg-ban-tuyen-giao', '2025-03-01', 'hg-ban-tuyen-giao-dan-van'],
    ['hg-ban-tuyen-giao', '2025-09-10', 'tq-ban-tuyen-giao-dan-van'],
    ['hg-ban-dan-van', '2025-09-10', 'tq-ban-tuyen-giao-dan-van'],
    ['ld-ban-dan-van', '2025-09-10', 'ld25-ban-tuyen-giao-dan-van'],
    ['hg-bcsd-ubnd', '2025-02-01', 'hg-dang-uy-ubnd'],
    ['hg-bcsd-ubnd', '2026-01-01', 'tq-dang-uy-ubnd'],
    ['hg-so-ldtbxh', '2025-04-01', 'hg-so-noi-vu'],
    ['hg-so-ldtbxh', '2025-07-01', 'tq-so-noi-vu'],
    ['hg-so-khdt', '2025-04-01', 'hg-so-tai-chinh'],
    ['hg-so-tnmt', '2025-04-01', 'hg-so-nnmt'],
    ['ld-so-nnptnt', '2025-08-01', 'ld25-so-nnmt'],
    ['hg-so-tttt', '2025-04-01', 'hg-so-khcn'],
    ['hg-huyen-uy-bac-me', '2025-07-01', 'tq-tinh-uy'],
    ['ld-huyen-uy-da-teh', '2025-01-15', 'ld-huyen-uy-da-huoai'],
    ['ld-huyen-uy-da-teh', '2025-07-15', 'ld25-tinh-uy'],
    ['ld-dr-phong-ldtbxh', '2025-04-01', 'ld-dr-phong-noi-vu'],
    ['ld-dr-phong-ldtbxh', '2025-08-01', 'ld25-so-noi-vu'],
    ['ld-dr-ban-dan-van', '2025-08-01', 'ld25-ban-tuyen-giao-dan-van'],
    ['ld-dr-dang-uy-xa-ro-men', '2025-08-01', 'ld25-tinh-uy'],
    ['tq-tinh-uy', '2022-06-01', null],
    ['hg-hoi-dong-ly-luan', '2025-08-01', null],
    ['no-such-code', '2025-08-01', null],
  ];
  it.each(cases)('%s as of %s → %s', (code, date, expected) => {
    expect(resolver.successorAsOf(code, date)?.code ?? null).toBe(expected);
  });

  it('stops on a successor cycle instead of looping', () => {
    const looping = new MentionResolver({
      organizations: [
        {
          code: 'a',
          name: 'Sở A tỉnh X',
          shortName: 'Sở A',
          aliases: [],
          kind: 'department',
          level: 'tinh',
          province: 'X',
          district: null,
          parent: null,
          groups: [],
          validFrom: null,
          validTo: '2020-01-01',
          successors: ['b'],
        },
        {
          code: 'b',
          name: 'Sở B tỉnh X',
          shortName: 'Sở B',
          aliases: [],
          kind: 'department',
          level: 'tinh',
          province: 'X',
          district: null,
          parent: null,
          groups: [],
          validFrom: null,
          validTo: '2020-01-01',
          successors: ['a'],
        },
      ],
      groups: [],
    });
    expect(looping.successorAsOf('a', '2024-01-01')).toBeNull();
  });
});

describe('search', () => {
  const resolver = realResolver();
  it('is diacritics- and case-insensitive and filters by date, province, group, level', () => {
    const found = resolver.search('tuyen giao', { province: 'Hà Giang', asOf: '2022-06-01' });
    expect(found.map((o) => o.code)).toEqual(['hg-ban-tuyen-giao']);
    expect(
      resolver.search('', { province: 'Hà Giang', group: 'huyen-uy', asOf: '2022-06-01' }),
    ).toHaveLength(10);
    expect(resolver.search('đảng ủy xã', { level: 'xa' })).toHaveLength(8);
  });
});
