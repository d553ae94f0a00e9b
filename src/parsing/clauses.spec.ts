import { describe, expect, it } from '@jest/globals';
import { buildClauses } from './clauses.js';
import { normalize, toLines } from './normalize.js';
import { isIntroduction } from './roles.js';

function clauses(body: string) {
  const source = normalize(body);
  return buildClauses(source, toLines(source), null, isIntroduction).map((c) => ({
    ordinal: c.ordinal,
    text: c.text,
    inherited: c.inherited,
    slice: source.slice(c.start, c.end),
  }));
}

describe('clauses by numbering', () => {
  it.each([
    ['1. A làm.\n2. B làm.', ['1', '2']],
    ['1) A làm.\n2) B làm.', ['1', '2']],
    ['a) A làm.\nb) B làm.', ['a', 'b']],
    ['- A làm.\n- B làm.', ['1', '2']],
    ['+ A làm.\n+ B làm.', ['1', '2']],
    ['1.1. A làm.\n1.2. B làm.', ['1.1', '1.2']],
  ])('%j', (body, ordinals) => {
    expect(clauses(body).map((c) => c.ordinal)).toEqual(ordinals);
  });

  it('splits an introducing item into its sub-items, which inherit its subject', () => {
    const c = clauses(
      '1. Sở Nội vụ:\n- Chủ trì xây dựng kế hoạch.\n- Định kỳ báo cáo.\n2. Sở Y tế:\na) Chủ trì.\nb) Phối hợp.',
    );
    expect(c.map((x) => [x.ordinal, x.text, x.inherited])).toEqual([
      ['1.1', 'Chủ trì xây dựng kế hoạch.', 'Sở Nội vụ:'],
      ['1.2', 'Định kỳ báo cáo.', 'Sở Nội vụ:'],
      ['2.a', 'Chủ trì.', 'Sở Y tế:'],
      ['2.b', 'Phối hợp.', 'Sở Y tế:'],
    ]);
  });

  it('reads headings with sub-headings and dashes', () => {
    const c = clauses(
      '1. Trách nhiệm của các cơ quan, đơn vị\n1.1. Sở Nội vụ\n- Chủ trì tham mưu.\n' +
        '- Hướng dẫn.\n1.2. Sở Tài chính\n- Bố trí kinh phí.\n2. Chế độ báo cáo\nĐịnh kỳ hằng quý báo cáo.',
    );
    expect(c.map((x) => [x.ordinal, x.inherited])).toEqual([
      ['1.1.1', 'Sở Nội vụ'],
      ['1.1.2', 'Sở Nội vụ'],
      ['1.2.1', 'Sở Tài chính'],
      ['2', null],
    ]);
  });

  it('keeps the sub-items of a full clause inside it', () => {
    const c = clauses(
      '1. Sở Nội vụ chủ trì các việc sau, bảo đảm tiến độ\n- rà soát;\n- báo cáo.\n2. Sở Y tế làm.',
    );
    expect(c.map((x) => x.ordinal)).toEqual(['1', '2']);
    expect(c[0].text).toBe('Sở Nội vụ chủ trì các việc sau, bảo đảm tiến độ - rà soát; - báo cáo.');
  });

  it('joins a clause broken by a page break and keeps offsets on the normalized text', () => {
    const c = clauses(
      '1. Các cấp ủy quán triệt đến cán bộ, đảng\n\n\n\nviên và nhân dân.\n2. B làm.',
    );
    expect(c[0].text).toBe('Các cấp ủy quán triệt đến cán bộ, đảng viên và nhân dân.');
    expect(c[0].slice).toBe(c[0].text);
  });

  it('continues a clause over unnumbered paragraphs', () => {
    const c = clauses('1. Sở Nội vụ chủ trì.\n\nĐịnh kỳ báo cáo.\n2. B làm.');
    expect(c[0].text).toBe('Sở Nội vụ chủ trì. Định kỳ báo cáo.');
  });

  it('takes paragraphs as clauses when nothing is numbered', () => {
    expect(
      clauses('Sở Nội vụ chủ trì.\n\nSở Y tế phối hợp.').map((c) => [c.ordinal, c.text]),
    ).toEqual([
      ['1', 'Sở Nội vụ chủ trì.'],
      ['2', 'Sở Y tế phối hợp.'],
    ]);
  });
});
