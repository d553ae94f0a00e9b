import { describe, expect, it } from '@jest/globals';
import { findDeadlines } from './deadlines.js';

const dates = (text: string, issuedOn: string | null = null) => findDeadlines(text, issuedOn).dates;

describe('findDeadlines', () => {
  it.each([
    ['gửi về Ban Dân vận Huyện ủy trước ngày 03/12/2021 để tổng hợp', ['2021-12-03']],
    ['gửi lại Thường trực Tỉnh ủy trước ngày 06/12/2021', ['2021-12-06']],
    ['báo cáo chậm nhất ngày 5/1/2022', ['2022-01-05']],
    ['hoàn thành trước ngày 15 tháng 8 năm 2024', ['2024-08-15']],
    ['tổ chức trong tháng 12/2021', ['2021-12-31']],
    ['trong tháng 2 năm 2024', ['2024-02-29']],
    ['hoàn thành trong quý IV/2022', ['2022-12-31']],
    ['xong trong quý 2 năm 2023', ['2023-06-30']],
    ['Thời gian thực hiện: Quý III/2024', ['2024-09-30']],
    ['hoàn thành trong năm 2025', ['2025-12-31']],
    ['hoàn thành trước quý IV/2022', ['2022-09-30']],
    ['trước năm 2026', ['2025-12-31']],
    ['trong 6 tháng đầu năm 2022', ['2022-06-30']],
    ['đến cuối năm 2025', ['2025-12-31']],
  ])('%s', (text, expected) => {
    expect(dates(text)).toEqual(expected);
  });

  it('ignores dates of cited documents and horizons', () => {
    expect(
      dates('được phê duyệt tại Quyết định 90/QĐ-TTg, ngày 18/01/2022, chỉ đạo xây dựng'),
    ).toEqual([]);
    expect(dates('giai đoạn 2021-2025, định hướng đến năm 2030')).toEqual([]);
  });

  it('counts a span from the date of issue', () => {
    expect(dates('báo cáo sau 15 ngày kể từ ngày ban hành', '2024-03-20')).toEqual(['2024-04-04']);
    expect(dates('trong vòng 30 ngày kể từ ngày ký', '2024-01-15')).toEqual(['2024-02-14']);
    expect(findDeadlines('sau 15 ngày kể từ ngày ban hành', null)).toEqual({
      dates: [],
      unresolvedRelative: true,
    });
  });

  it('gives a day and month without a year the year of issue', () => {
    expect(dates('báo cáo trước ngày 20/6', '2024-06-03')).toEqual(['2024-06-20']);
    expect(dates('báo cáo trước ngày 15/01', '2024-12-20')).toEqual(['2025-01-15']);
    expect(dates('báo cáo trước ngày 20/6', null)).toEqual([]);
  });

  it('keeps each date once, in text order', () => {
    expect(
      dates('trước ngày 10/12/2024 (sơ bộ) và trước ngày 10/12/2024; trong tháng 1/2025'),
    ).toEqual(['2024-12-10', '2025-01-31']);
  });
});

describe('findDeadlines, the day before a period', () => {
  it('before the first quarter is the last day of the year before', () => {
    expect(findDeadlines('hoàn thành trước quý I/2023', null).dates).toEqual(['2022-12-31']);
  });
});
