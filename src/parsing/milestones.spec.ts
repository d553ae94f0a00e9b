import { describe, expect, it } from '@jest/globals';
import { findMilestones } from './milestones.js';

describe('findMilestones', () => {
  it.each([
    ['theo dõi, sơ kết, tổng kết việc thực hiện', ['midterm_review', 'final_review']],
    ['định kỳ sơ kết 5 năm', ['midterm_review']],
    ['tổ chức Hội thảo tổng kết lý luận', ['final_review']],
    ['Tổng kết việc thực hiện Chỉ thị', ['final_review']],
    ['kiểm tra, giám sát', []],
  ])('%s', (text, expected) => {
    expect(findMilestones(text)).toEqual(expected);
  });
});
