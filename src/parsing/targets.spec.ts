import { describe, expect, it } from '@jest/globals';
import { findTargets } from './targets.js';

const one = (line: string) =>
  findTargets([line]).map((t) => ({
    direction: t.direction,
    value: t.value,
    valueTo: t.valueTo,
    unit: t.unit,
    annual: t.annual,
  }));

describe('targets of "Mục tiêu cụ thể"', () => {
  it.each([
    ['- Tỷ lệ hộ nghèo giảm bình quân 4%/năm trở lên.', 'decrease', 4, null, '%', true],
    ['- Hàng năm, giảm tỷ lệ hộ nghèo từ 1-1,5%.', 'decrease', 1, 1.5, '%', true],
    ['- Tỷ lệ trẻ em đi học đúng độ tuổi đạt trên 90%.', 'at_least', 90, null, '%', false],
    ['- ít nhất 60% hộ nghèo sử dụng nhà tiêu hợp vệ sinh.', 'at_least', 60, null, '%', false],
    [
      '- Giảm tỷ lệ suy dinh dưỡng trẻ em dưới 16 tuổi xuống dưới 30%.',
      'at_most',
      30,
      null,
      '%',
      false,
    ],
    ['- 100% người thuộc hộ nghèo được hỗ trợ bảo hiểm y tế.', 'reach', 100, null, '%', false],
    ['- Phấn đấu trên 12.000 hộ nghèo được hỗ trợ nhà ở.', 'at_least', 12000, null, 'hộ', false],
    ['- Thu nhập tăng 2 lần so với năm 2020.', 'increase', 2, null, 'lần', false],
    ['- Mỗi hộ có ít nhất một thành viên có việc làm.', 'at_least', 1, null, 'thành viên', false],
    ['- Không còn hộ chính sách là hộ nghèo.', 'reach', 0, null, 'hộ', false],
    ['- Tỷ lệ tái nghèo không quá 10%/năm.', 'at_most', 10, null, '%', true],
  ])('%s', (line, direction, value, valueTo, unit, annual) => {
    expect(one(line)).toEqual([{ direction, value, valueTo, unit, annual }]);
  });

  it('gives one target per number', () => {
    expect(
      one('- Có 2 huyện nghèo và 29 xã thoát khỏi tình trạng nghèo.').map((t) => [t.value, t.unit]),
    ).toEqual([
      [2, 'huyện'],
      [29, 'xã'],
    ]);
  });

  it('cuts a bullet at ";", sentence ends and a comma after a value', () => {
    const t = findTargets([
      '- Hàng năm, giảm tỷ lệ hộ nghèo từ 1-1,5%, riêng vùng đồng bào giảm từ 2-3%. ' +
        'Đào tạo đạt 60%, trong đó có chứng chỉ đạt 20%; 90% hộ dùng nước sạch.',
    ]);
    expect(t.map((x) => [x.text, x.annual])).toEqual([
      ['Hàng năm, giảm tỷ lệ hộ nghèo từ 1-1,5%', true],
      ['riêng vùng đồng bào giảm từ 2-3%', true],
      ['Đào tạo đạt 60%', false],
      ['trong đó có chứng chỉ đạt 20%', false],
      ['90% hộ dùng nước sạch', false],
    ]);
  });

  it('reads a baseline year with its value, and a comparison without a number', () => {
    const [t] = findTargets([
      '- Thu nhập tăng 2 lần so với năm 2020 (năm 2020 thu nhập bình quân 9,5 triệu đồng/năm).',
    ]);
    expect(t.baseline).toEqual({
      text: 'năm 2020 thu nhập bình quân 9,5 triệu đồng/năm',
      year: 2020,
      value: 9.5,
      unit: 'triệu đồng/năm',
    });
    expect(t.annual).toBe(false);
    const [c] = findTargets([
      '- Đến cuối năm 2025, tỷ lệ hộ nghèo thấp hơn so với tỷ lệ chung của cả nước.',
    ]);
    expect(c).toMatchObject({
      direction: 'at_most',
      value: null,
      unit: null,
      deadline: '2025-12-31',
      baseline: { text: 'tỷ lệ chung của cả nước', year: null, value: null, unit: null },
    });
  });

  it('reads a deadline written in the target', () => {
    expect(findTargets(['- Đến năm 2030, tỷ lệ che phủ rừng đạt 60%.'])[0].deadline).toBe(
      '2030-12-31',
    );
    expect(findTargets(['- Tỷ lệ hộ nghèo giảm còn dưới 5% vào năm 2025.'])[0].deadline).toBe(
      '2025-12-31',
    );
    expect(findTargets(['- Năm 2025: 95% xã có điểm bưu điện.'])[0].deadline).toBe('2025-12-31');
    expect(findTargets(['- 95% xã có điểm bưu điện.'])[0].deadline).toBeNull();
  });

  it('ignores statements without a number or comparison, and years, ranges and ages', () => {
    expect(findTargets(['- Hạn chế thấp nhất tình trạng tái nghèo giai đoạn 2021-2025.'])).toEqual(
      [],
    );
  });
});
