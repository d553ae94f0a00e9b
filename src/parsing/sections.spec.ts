import { describe, expect, it } from '@jest/globals';
import { normalize, toLines } from './normalize.js';
import {
  findAssigningArticle,
  findOrganizationSection,
  findTargetLines,
  headingOf,
} from './sections.js';

const lines = (text: string) => toLines(normalize(text));
const body = (text: string) =>
  findOrganizationSection(lines(text))
    ?.lines.map((l) => l.text)
    .filter(Boolean);

describe('the "Tổ chức thực hiện" section', () => {
  it.each([
    ['IV. TỔ CHỨC THỰC HIỆN', 'IV'],
    ['### **IV. TỔ CHỨC THỰC HIỆN**', 'IV'],
    ['V- Tổ chức thực hiện', 'V'],
    ['VI. TỔ CHỨC THỰC HIỆN VÀ CHẾ ĐỘ BÁO CÁO', 'VI'],
    ['III - TỔ CHỨC THỰC HIỆN:', 'III'],
    ['Phần thứ tư: TỔ CHỨC THỰC HIỆN', 'Phần thứ tư'],
    ['PHẦN THỨ BA\nTỔ CHỨC THỰC HIỆN', 'Phần thứ ba'],
  ])('%s', (heading, label) => {
    const text =
      `I. MỤC ĐÍCH\nNội dung.\n${heading}\n1. Sở Nội vụ chủ trì.\n2. Sở Y tế phối hợp.\n` +
      'Kế hoạch này được phổ biến đến chi bộ.\nNơi nhận:\n- Như trên.';
    const s = findOrganizationSection(lines(text));
    expect(s?.label).toBe(label);
    expect(s?.lines.map((l) => l.text).filter(Boolean)).toEqual([
      '1. Sở Nội vụ chủ trì.',
      '2. Sở Y tế phối hợp.',
    ]);
  });

  it('is an article of a quyết định, with text on its heading line', () => {
    const text =
      'Điều 1. Ban hành Kế hoạch.\nĐiều 2. Tổ chức thực hiện: Giao Sở Nội vụ chủ trì.\n' +
      'Điều 3. Quyết định này có hiệu lực kể từ ngày ký.';
    const s = findOrganizationSection(lines(text));
    expect(s).toMatchObject({ label: 'Điều 2', headingRest: 'Giao Sở Nội vụ chủ trì.' });
    const a = findAssigningArticle(
      lines('Điều 1. Phê duyệt.\nĐiều 2. Giao Sở Y tế chủ trì, phối hợp.\nĐiều 3. Hiệu lực.'),
    );
    expect(a?.label).toBe('Điều 2');
  });

  it('ends at the next section, the closing formula or the closing block', () => {
    expect(body('IV. TỔ CHỨC THỰC HIỆN\n1. A chủ trì.\nV. KINH PHÍ\n1. Ngân sách.')).toEqual([
      '1. A chủ trì.',
    ]);
    expect(body('IV. TỔ CHỨC THỰC HIỆN\n1. A chủ trì.\nT/M TỈNH ỦY\nBÍ THƯ')).toEqual([
      '1. A chủ trì.',
    ]);
  });

  it('is not a sub-heading that merely starts with the words', () => {
    const text =
      'III. NHIỆM VỤ\n3. Tổ chức triển khai thực hiện hiệu quả cơ chế, chính sách giảm nghèo\n- Nội dung.';
    expect(findOrganizationSection(lines(text))).toBeNull();
  });

  it('reads headings of every rank', () => {
    expect(headingOf('IV. TỔ CHỨC')).toMatchObject({ rank: 'roman', label: 'IV' });
    expect(headingOf('2.2. Mục tiêu cụ thể')).toMatchObject({ rank: 'arabic2', label: '2.2' });
    expect(headingOf('b) Sở Y tế')).toMatchObject({ rank: 'alpha', label: 'b' });
    expect(headingOf('Điều 2. Giao')).toMatchObject({ rank: 'article', label: 'Điều 2' });
  });
});

describe('"Mục tiêu cụ thể"', () => {
  it('gives its items, a wrapped line joined to its item', () => {
    const text =
      '2.2. Mục tiêu cụ thể\n- Tỷ lệ hộ nghèo giảm\nbình quân 4%/năm.\n- Có 2 huyện thoát nghèo.\n' +
      'III. NHIỆM VỤ\n- Khác.';
    expect(findTargetLines(lines(text))).toEqual([
      '- Tỷ lệ hộ nghèo giảm bình quân 4%/năm.',
      '- Có 2 huyện thoát nghèo.',
    ]);
  });
});
