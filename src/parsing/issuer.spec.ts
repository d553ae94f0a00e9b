import { describe, expect, it } from '@jest/globals';
import {
  combineIssuer,
  localityOf,
  nameIssuer,
  provinceInIssuer,
  provinceInText,
  recase,
} from './issuer.js';
import type { Locality } from './parties.js';

const none: Locality = { province: null, district: null, level: null, committee: null, asOf: null };

describe('issuer', () => {
  it.each([
    ['HUYỆN ỦY ĐAM RÔNG', 'Huyện ủy Đam Rông'],
    ['BAN DÂN VẬN', 'Ban Dân vận'],
    ['TỈNH ỦY', 'Tỉnh ủy'],
    ['SỞ KẾ HOẠCH VÀ ĐẦU TƯ', 'Sở Kế hoạch và Đầu tư'],
    ['BAN CHẤP HÀNH ĐẢNG BỘ TỈNH', 'Ban Chấp hành Đảng bộ tỉnh'],
    ['ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM', 'Ủy ban Mặt trận Tổ quốc Việt Nam'],
    ['Ban Tuyên giáo', 'Ban Tuyên giáo'],
  ])('recases %s', (caps, proper) => {
    expect(recase(caps)).toBe(proper);
  });

  it.each([
    [['HUYỆN ỦY ĐAM RÔNG', 'BAN DÂN VẬN'], 'Ban Dân vận Huyện ủy Đam Rông'],
    [['ỦY BAN NHÂN DÂN', 'TỈNH HÀ GIANG'], 'Ủy ban nhân dân tỉnh Hà Giang'],
    [['UBND TỈNH HÀ GIANG', 'SỞ NỘI VỤ'], 'Sở Nội vụ tỉnh Hà Giang'],
    [['ỦY BAN MTTQ VIỆT NAM', 'TỈNH HÀ GIANG'], 'Ủy ban Mặt trận Tổ quốc tỉnh Hà Giang'],
    [['TỈNH ỦY LÂM ĐỒNG'], 'Tỉnh ủy Lâm Đồng'],
    [['ĐẢNG BỘ TỈNH LÂM ĐỒNG', 'HUYỆN ỦY ĐAM RÔNG'], 'Huyện ủy Đam Rông'],
  ])('names %j', (lines, name) => {
    const combined = combineIssuer(lines);
    expect(nameIssuer(combined, { ...none, ...localityOf(combined) })).toBe(name);
  });

  it('gives the locality of the issuer', () => {
    expect(localityOf('Ban Dân vận Huyện ủy Đam Rông')).toEqual({
      committee: 'Huyện ủy',
      level: 'district',
      district: 'Đam Rông',
    });
    expect(localityOf('Ban Chấp hành Đảng bộ tỉnh')).toEqual({
      committee: 'Tỉnh ủy',
      level: 'province',
    });
    expect(localityOf('Ủy ban nhân dân tỉnh Hà Giang')).toEqual({
      level: 'province',
      province: 'Hà Giang',
    });
  });

  it('finds the province in the superior organization line', () => {
    expect(provinceInIssuer(['ĐẢNG BỘ TỈNH LÂM ĐỒNG', 'HUYỆN ỦY ĐAM RÔNG'])).toBe('Lâm Đồng');
    expect(provinceInIssuer(['HUYỆN ỦY ĐAM RÔNG'])).toBeNull();
  });

  it('finds the province most named in the text', () => {
    expect(provinceInText('trên địa bàn tỉnh Hà Giang; tỉnh Hà Giang; tỉnh Tuyên Quang')).toBe(
      'Hà Giang',
    );
    expect(provinceInText('không có')).toBeNull();
  });
});
