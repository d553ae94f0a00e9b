import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { expandAbbreviations } from '../../src/organizations/catalog/abbreviations.js';
import {
  foldDiacritics,
  foldedKey,
  nameKey,
  nameTokens,
  normalizeName,
  unifyTonePlacement,
} from '../../src/organizations/catalog/normalize-name.js';

describe('normalizeName', () => {
  it('maps new-style tone placement onto the catalog form', () => {
    expect(unifyTonePlacement('uỷ ban')).toBe('ủy ban');
    expect(unifyTonePlacement('hoà bình')).toBe('hòa bình');
    expect(unifyTonePlacement('văn hoá')).toBe('văn hóa');
    expect(unifyTonePlacement('thuỷ lợi')).toBe('thủy lợi');
    expect(unifyTonePlacement('khoẻ')).toBe('khỏe');
    expect(unifyTonePlacement('hoạ')).toBe('họa');
    expect(unifyTonePlacement('luỹ')).toBe('lũy');
    expect(unifyTonePlacement('suỵt')).toBe('suỵt');
  });

  it('leaves closed syllables and "qu" alone', () => {
    expect(unifyTonePlacement('hoàn thành')).toBe('hoàn thành');
    expect(unifyTonePlacement('hoàng su phì')).toBe('hoàng su phì');
    expect(unifyTonePlacement('quý')).toBe('quý');
    expect(unifyTonePlacement('quỳ')).toBe('quỳ');
    expect(unifyTonePlacement('tuyển')).toBe('tuyển');
  });

  it('gives NFC, lower case, one dash, "&" as "và", single spaces', () => {
    const nfd = 'Uỷ ban nhân dân'.normalize('NFD');
    expect(normalizeName(nfd)).toBe('ủy ban nhân dân');
    expect(normalizeName('Sở  Lao động–Thương binh & Xã hội')).toBe(
      'sở lao động - thương binh và xã hội',
    );
    expect(normalizeName('Phòng Lao động — Thương binh và Xã hội,')).toBe(
      'phòng lao động - thương binh và xã hội',
    );
    expect(normalizeName('Đạ M’Rông')).toBe("đạ m'rông");
    expect(normalizeName('  TỈNH ỦY   LÂM ĐỒNG ')).toBe('tỉnh ủy lâm đồng');
  });

  it('folds diacritics and đ', () => {
    expect(foldDiacritics('đảng đoàn hội đồng nhân dân')).toBe('dang doan hoi dong nhan dan');
    expect(foldedKey('Ủy ban Kiểm tra Tỉnh ủy Hà Giang')).toBe('uy ban kiem tra tinh uy ha giang');
    expect(foldedKey('Uỷ Ban KIỂM TRA tỉnh uỷ Hà  Giang')).toBe('uy ban kiem tra tinh uy ha giang');
    expect(foldedKey("Đạ K'Nàng")).toBe('da knang');
  });

  it('keys ignore dashes and apostrophes but keep diacritics', () => {
    expect(nameKey('Lao động - Thương binh và Xã hội')).toBe('lao động thương binh và xã hội');
    expect(nameTokens("Đạ M'Rông")).toEqual(['đạ', 'mrông']);
  });
});

describe('expandAbbreviations', () => {
  const expand = (s: string) => expandAbbreviations(nameTokens(s)).join(' ');

  it('expands the usual abbreviations', () => {
    expect(expand('UBND tỉnh')).toBe('ủy ban nhân dân tỉnh');
    expect(expand('Đảng đoàn HĐND tỉnh')).toBe('đảng đoàn hội đồng nhân dân tỉnh');
    expect(expand('dang doan HDND tinh')).toBe('dang doan hội đồng nhân dân tinh');
    expect(expand('UBKT TU')).toBe('ủy ban kiểm tra tỉnh ủy');
    expect(expand('BCSĐ UBND tỉnh')).toBe('ban cán sự đảng ủy ban nhân dân tỉnh');
    expect(expand('BCS đảng UBND tỉnh')).toBe('ban cán sự đảng ủy ban nhân dân tỉnh');
    expect(expand('tổ chức CT-XH tỉnh')).toBe('tổ chức chính trị xã hội tỉnh');
    expect(expand('Sở LĐ-TB&XH')).toBe('sở lao động thương binh và xã hội');
    expect(expand('Sở NN&PTNT')).toBe('sở nông nghiệp và phát triển nông thôn');
  });

  it('does not read words with diacritics as abbreviations', () => {
    expect(expand('Sở Tư pháp')).toBe('sở tư pháp');
    expect(expand('Hội Nông dân')).toBe('hội nông dân');
  });
});

describe('normalization properties', () => {
  const vietnamese = fc.string({
    unit: fc.constantFrom(..."aàáảãạoòóỏõọuùúủũụyỳýỷỹỵeêđĐ UỶỦHoàhòa-–&,'".split('')),
    maxLength: 40,
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(vietnamese, (s) => {
        expect(normalizeName(normalizeName(s))).toBe(normalizeName(s));
        expect(foldedKey(foldedKey(s))).toBe(foldedKey(s));
      }),
    );
  });

  it('does not depend on NFC or NFD input', () => {
    fc.assert(
      fc.property(vietnamese, (s) => {
        expect(normalizeName(s.normalize('NFD'))).toBe(normalizeName(s.normalize('NFC')));
      }),
    );
  });
});
