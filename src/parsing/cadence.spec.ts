import { describe, expect, it } from '@jest/globals';
import { findCadence } from './cadence.js';

describe('findCadence', () => {
  it.each([
    ['định kỳ báo cáo Ban Thường vụ Tỉnh ủy', 'periodic'],
    ['Định kỳ tổng hợp báo cáo Tỉnh ủy kết quả thực hiện', 'periodic'],
    ['báo cáo hằng tháng về Sở Nội vụ', 'monthly'],
    ['báo cáo hàng tháng', 'monthly'],
    ['định kỳ hằng quý báo cáo Ủy ban nhân dân tỉnh', 'quarterly'],
    ['định kỳ hàng quý', 'quarterly'],
    ['định kỳ 6 tháng báo cáo', 'semiannual'],
    ['định kỳ sáu tháng một lần', 'semiannual'],
    ['định kỳ 06 tháng, hằng năm báo cáo', 'semiannual'],
    ['báo cáo định kỳ (6 tháng, năm)', 'semiannual'],
    ['báo cáo định kỳ (hằng quý)', 'quarterly'],
    ['hằng năm báo cáo kết quả', 'annual'],
    ['định kỳ hàng năm sơ kết', 'annual'],
    ['tổ chức một lần vào cuối nhiệm kỳ', 'once'],
    ['thường xuyên kiểm tra, đôn đốc', 'none'],
  ])('%s → %s', (text, cadence) => {
    expect(findCadence(text, false)).toBe(cadence);
  });

  it('is "once" for a request with a deadline and no period', () => {
    expect(findCadence('góp ý và gửi về Ban Dân vận trước ngày 03/12/2021', true)).toBe('once');
  });

  it('does not read a dated report or a half-year deadline as a cadence', () => {
    expect(findCadence('báo cáo năm 2024 trước ngày 15/12/2024', true)).toBe('once');
    expect(findCadence('hoàn thành trong 6 tháng đầu năm 2025', true)).toBe('once');
  });
});
