import { describe, expect, it } from '@jest/globals';
import { normalize, normalizeSpelling, toLines } from './normalize.js';

describe('normalize', () => {
  it('gives the same text for NFD and NFC input', () => {
    const nfc = 'Ủy ban nhân dân tỉnh Hà Giang chủ trì, phối hợp thực hiện.';
    expect(normalize(nfc.normalize('NFD'))).toBe(normalize(nfc));
  });

  it.each([
    ['Uỷ ban nhân dân', 'Ủy ban nhân dân'],
    ['UỶ BAN', 'ỦY BAN'],
    ['hoà nhập, thoả thuận', 'hòa nhập, thỏa thuận'],
    ['khoẻ mạnh', 'khỏe mạnh'],
    ['thuỷ lợi, tuỳ theo', 'thủy lợi, tùy theo'],
    ['hoàn thành, quý IV, quyết', 'hoàn thành, quý IV, quyết'],
  ])('writes tone marks the way the catalogs do: %s', (input, output) => {
    expect(normalizeSpelling(input)).toBe(output);
    expect(normalize(input)).toBe(output);
  });

  it('removes markdown emphasis and headings, keeps a lone star', () => {
    expect(
      normalize('## **II. QUAN ĐIỂM**\n\\*\n### ***2.1. Mục tiêu***\n*nghiêng* và __đậm__'),
    ).toBe('II. QUAN ĐIỂM\n*\n2.1. Mục tiêu\nnghiêng và đậm');
    expect(normalize('**DỰ THẢO:****NGHỊ QUYẾT**')).toBe('DỰ THẢO: NGHỊ QUYẾT');
  });

  it('drops footnote markers and footnote bodies, keeps exponents', () => {
    const text =
      'chiếm trên 87%<sup>1</sup>; diện tích 7.945 km<sup>2</sup>\n\n' +
      '<sup>1</sup> Dân tộc Mông chiếm 32,9%\n';
    expect(normalize(text)).toBe('chiếm trên 87%; diện tích 7.945 km²');
  });

  it('joins a clause broken by a page break, a page number or a separator', () => {
    expect(normalize('1. Các cấp ủy quán triệt đến cán bộ, đảng\n\n\n\nviên và nhân dân.')).toBe(
      '1. Các cấp ủy quán triệt đến cán bộ, đảng viên và nhân dân.',
    );
    expect(normalize('tăng 2 lần so với năm\n\n12\n\n2020 (năm 2020 thu nhập 9,5 triệu).')).toBe(
      'tăng 2 lần so với năm 2020 (năm 2020 thu nhập 9,5 triệu).',
    );
    expect(normalize('được Chính phủ phê duyệt\n\n-----\n\ntại Quyết định 90/QĐ-TTg.')).toBe(
      'được Chính phủ phê duyệt tại Quyết định 90/QĐ-TTg.',
    );
    expect(normalize('quán triệt đến cán bộ, đảng\n\n2\nviên và nhân dân.')).toBe(
      'quán triệt đến cán bộ, đảng viên và nhân dân.',
    );
    expect(normalize('phối hợp thực hiện\n- 3 -\ncác nội dung')).toBe(
      'phối hợp thực hiện\n- 3 -\ncác nội dung',
    );
  });

  it('does not join a finished paragraph, a heading or a numbered item', () => {
    expect(normalize('thực hiện Nghị quyết.\n\nnội dung')).toBe(
      'thực hiện Nghị quyết.\n\nnội dung',
    );
    expect(normalize('TỔ CHỨC THỰC HIỆN\n\ncác cấp ủy')).toBe('TỔ CHỨC THỰC HIỆN\n\ncác cấp ủy');
    expect(normalize('Nhiệm vụ\n\n2. Sở Nội vụ')).toBe('Nhiệm vụ\n\n2. Sở Nội vụ');
    expect(normalize('các nội dung sau\n\na) Sở Nội vụ')).toBe('các nội dung sau\n\na) Sở Nội vụ');
  });

  it('folds non-breaking and repeated spaces, curly quotes, CRLF and a BOM', () => {
    expect(normalize('\uFEFFSố\u00A01055  -  CV/TU\r\n“về việc” ‘a’')).toBe(
      'Số 1055 - CV/TU\n"về việc" \'a\'',
    );
  });

  it('drops HTML comments, and leaves an unclosed one as text', () => {
    expect(normalize('<!-- ghi chú\nhai dòng -->\nKẾ HOẠCH')).toBe('KẾ HOẠCH');
    expect(normalize('a <!-- b')).toBe('a <!-- b');
  });

  it('gives lines with offsets into the normalized text', () => {
    const text = 'a\nbc\n\nd';
    expect(toLines(text).map((l) => [l.text, text.slice(l.start, l.end)])).toEqual([
      ['a', 'a'],
      ['bc', 'bc'],
      ['', ''],
      ['d', 'd'],
    ]);
  });
});
