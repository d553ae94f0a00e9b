import { describe, expect, it } from '@jest/globals';
import { type Locality, expandAbbreviations, partiesInPhrase } from './parties.js';

const province = (name: string): Locality => ({
  province: name,
  district: null,
  level: 'province',
  committee: 'Tỉnh ủy',
  asOf: null,
});
const district: Locality = {
  province: 'Lâm Đồng',
  district: 'Đam Rông',
  level: 'district',
  committee: 'Huyện ủy',
  asOf: null,
};
const names = (text: string, ctx: Locality) =>
  partiesInPhrase(text, ctx).map((p) => [p.mention, p.name, p.group]);

describe('party names', () => {
  it.each([
    ['Ban Tuyên giáo Tỉnh ủy', 'Ban Tuyên giáo Tỉnh ủy Hà Giang'],
    ['Tỉnh ủy', 'Tỉnh ủy Hà Giang'],
    ['UBND tỉnh', 'Ủy ban nhân dân tỉnh Hà Giang'],
    ['HĐND tỉnh', 'Hội đồng nhân dân tỉnh Hà Giang'],
    ['UBKT Tỉnh ủy', 'Ủy ban Kiểm tra Tỉnh ủy Hà Giang'],
    ['Ủy ban kiểm tra Tỉnh ủy', 'Ủy ban Kiểm tra Tỉnh ủy Hà Giang'],
    ['BTG Tỉnh ủy', 'Ban Tuyên giáo Tỉnh ủy Hà Giang'],
    ['BDV Tỉnh ủy', 'Ban Dân vận Tỉnh ủy Hà Giang'],
    ['BCS đảng UBND tỉnh', 'Ban cán sự đảng Ủy ban nhân dân tỉnh Hà Giang'],
    ['Đảng đoàn HĐND tỉnh', 'Đảng đoàn Hội đồng nhân dân tỉnh Hà Giang'],
    ['Ủy ban MTTQ tỉnh', 'Ủy ban Mặt trận Tổ quốc tỉnh Hà Giang'],
    ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'Ủy ban Mặt trận Tổ quốc tỉnh Hà Giang'],
    ['Ban Thường trực Ủy ban MTTQ tỉnh', 'Ban Thường trực Ủy ban Mặt trận Tổ quốc tỉnh Hà Giang'],
    ['Ban Chấp hành Đảng bộ tỉnh', 'Tỉnh ủy Hà Giang'],
    ['Ban Thường vụ Tỉnh ủy', 'Ban Thường vụ Tỉnh ủy Hà Giang'],
    ['Văn phòng UBND tỉnh', 'Văn phòng Ủy ban nhân dân tỉnh Hà Giang'],
    ['Sở Lao động - Thương binh và Xã hội', 'Sở Lao động - Thương binh và Xã hội tỉnh Hà Giang'],
    ['Sở LĐTB&XH', 'Sở Lao động - Thương binh và Xã hội tỉnh Hà Giang'],
    [
      'Sở Nông nghiệp và Phát triển nông thôn',
      'Sở Nông nghiệp và Phát triển nông thôn tỉnh Hà Giang',
    ],
    ['Sở Văn hóa, Thể thao và Du lịch', 'Sở Văn hóa, Thể thao và Du lịch tỉnh Hà Giang'],
    ['Công an tỉnh', 'Công an tỉnh Hà Giang'],
    ['Hội Liên hiệp Phụ nữ tỉnh', 'Hội Liên hiệp Phụ nữ tỉnh Hà Giang'],
    ['Tỉnh ủy Lâm Đồng', 'Tỉnh ủy Lâm Đồng'],
  ])('%s → %s', (mention, name) => {
    expect(names(mention, province('Hà Giang'))).toEqual([[mention, name, false]]);
  });

  it('gives a district body its district', () => {
    expect(names('Ủy ban nhân dân huyện', district)).toEqual([
      ['Ủy ban nhân dân huyện', 'Ủy ban nhân dân huyện Đam Rông', false],
    ]);
    expect(names('Phòng Lao động Thương binh & Xã hội huyện', district)).toEqual([
      [
        'Phòng Lao động Thương binh & Xã hội huyện',
        'Phòng Lao động - Thương binh và Xã hội huyện Đam Rông',
        false,
      ],
    ]);
    expect(names('Ban Dân vận Huyện ủy', district)).toEqual([
      ['Ban Dân vận Huyện ủy', 'Ban Dân vận Huyện ủy Đam Rông', false],
    ]);
  });

  it('keeps a name whole when no locality is known', () => {
    const none: Locality = {
      province: null,
      district: null,
      level: null,
      committee: null,
      asOf: null,
    };
    expect(names('Ban Tuyên giáo Tỉnh ủy', none)).toEqual([
      ['Ban Tuyên giáo Tỉnh ủy', 'Ban Tuyên giáo Tỉnh ủy', false],
    ]);
  });

  it('names plural mentions as lower-case groups', () => {
    expect(names('Các huyện, thành ủy và đảng ủy trực thuộc', province('Lâm Đồng'))).toEqual([
      ['Các huyện', 'các huyện ủy', true],
      ['thành ủy', 'các thành ủy', true],
      ['đảng ủy trực thuộc', 'các đảng ủy trực thuộc Tỉnh ủy', true],
    ]);
    expect(names('các sở, ban, ngành liên quan', province('Hà Giang'))).toEqual([
      ['các sở, ban, ngành liên quan', 'các sở, ban, ngành liên quan', true],
    ]);
    expect(
      names(
        'Các ban, sở, ngành, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh',
        province('Hà Giang'),
      ),
    ).toEqual([
      ['Các ban, sở, ngành', 'các sở, ban, ngành cấp tỉnh', true],
      ['Mặt trận Tổ quốc', 'Ủy ban Mặt trận Tổ quốc tỉnh Hà Giang', false],
      ['các tổ chức chính trị - xã hội tỉnh', 'các tổ chức chính trị - xã hội tỉnh', true],
    ]);
    expect(names('Các đảng đoàn, BCS đảng', province('Lâm Đồng'))).toEqual([
      ['Các đảng đoàn', 'các đảng đoàn', true],
      ['BCS đảng', 'các ban cán sự đảng', true],
    ]);
    expect(names('tổ chức CT-XH tỉnh', province('Lâm Đồng'))).toEqual([
      ['tổ chức CT-XH tỉnh', 'các tổ chức chính trị - xã hội tỉnh', true],
    ]);
    expect(names('UBND các huyện, thành phố', province('Hà Giang'))).toEqual([
      ['UBND các huyện, thành phố', 'Ủy ban nhân dân các huyện, thành phố', true],
    ]);
  });

  it('reads a list for every level as groups "các cấp"', () => {
    expect(
      names(
        'Các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc và các tổ chức ' +
          'chính trị - xã hội từ tỉnh đến cơ sở',
        province('Hà Giang'),
      ),
    ).toEqual([
      ['Các cấp ủy', 'các cấp ủy đảng', true],
      ['tổ chức đảng', 'các tổ chức đảng', true],
      ['chính quyền', 'các cấp chính quyền', true],
      ['Mặt trận Tổ quốc', 'Ủy ban Mặt trận Tổ quốc các cấp', true],
      ['các tổ chức chính trị - xã hội', 'các tổ chức chính trị - xã hội', true],
    ]);
  });

  it('names a unit of each body of a group, and bare district committees in a province', () => {
    expect(names('Ban Thường vụ các huyện ủy, thành ủy', province('Hà Giang'))).toEqual([
      ['Ban Thường vụ các huyện ủy, thành ủy', 'Ban Thường vụ các huyện ủy, thành ủy', true],
    ]);
    expect(names('Huyện ủy, Thành ủy', province('Hà Giang'))).toEqual([
      ['Huyện ủy', 'các huyện ủy', true],
      ['Thành ủy', 'các thành ủy', true],
    ]);
  });

  it('names persons by their office', () => {
    expect(names('Các đồng chí Tỉnh ủy viên', province('Lâm Đồng'))).toEqual([
      ['Các đồng chí Tỉnh ủy viên', 'Ủy viên Ban Chấp hành Đảng bộ tỉnh', true],
    ]);
    expect(names('Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy', province('Lâm Đồng'))).toEqual([
      ['Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy', 'Ủy viên Ban Thường vụ Tỉnh ủy', true],
    ]);
  });

  it('assigns to the body an office holder leads', () => {
    expect(
      names('Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các huyện', province('Hà Giang')),
    ).toEqual([
      ['Thủ trưởng các sở, ban, ngành', 'các sở, ban, ngành', true],
      ['Chủ tịch UBND các huyện', 'Ủy ban nhân dân các huyện', true],
    ]);
    expect(names('Giám đốc Sở Y tế', province('Hà Giang'))).toEqual([
      ['Giám đốc Sở Y tế', 'Sở Y tế tỉnh Hà Giang', false],
    ]);
  });

  it('stops a name at a verb that starts the next line', () => {
    expect(names('Sở Nội vụ Chủ trì, phối hợp', province('Hà Giang')).map((x) => x[0])).toEqual([
      'Sở Nội vụ',
    ]);
    expect(names('Hội Liên hiệp Phụ nữ tỉnh', province('Hà Giang')).map((x) => x[1])).toEqual([
      'Hội Liên hiệp Phụ nữ tỉnh Hà Giang',
    ]);
  });

  it('stops a name where the predicate starts', () => {
    expect(
      names('Sở Công Thương chủ trì, phối hợp', province('Hà Giang')).map((x) => x[0]),
    ).toEqual(['Sở Công Thương']);
    expect(
      names('Sở Nội vụ tham mưu Ủy ban nhân dân tỉnh', province('Hà Giang')).map((x) => x[0]),
    ).toEqual(['Sở Nội vụ', 'Ủy ban nhân dân tỉnh']);
  });

  it('expands abbreviations', () => {
    expect(expandAbbreviations('Sở TN&MT, Sở KH&ĐT, Sở GD&ĐT')).toBe(
      'Sở Tài nguyên và Môi trường, Sở Kế hoạch và Đầu tư, Sở Giáo dục và Đào tạo',
    );
  });
});
