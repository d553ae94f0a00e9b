import { describe, expect, it } from '@jest/globals';
import { isLate, mayReview, obligationEffect, reviewCommentTooShort } from './report-rules.js';

const HANOI = 'Asia/Ho_Chi_Minh';

describe('isLate', () => {
  it('is on time until the end of the due day in the office zone', () => {
    // 23:59 in Hanoi on the due day is 16:59 UTC.
    expect(isLate(new Date('2022-07-15T16:59:00Z'), '2022-07-15', HANOI)).toBe(false);
    // 00:00 in Hanoi the next day is 17:00 UTC: late, though UTC still says the 15th.
    expect(isLate(new Date('2022-07-15T17:00:00Z'), '2022-07-15', HANOI)).toBe(true);
    expect(isLate(new Date('2022-07-01T03:00:00Z'), '2022-07-15', HANOI)).toBe(false);
  });

  it('depends on the zone, not on the server clock', () => {
    expect(isLate(new Date('2022-07-15T17:00:00Z'), '2022-07-15', 'UTC')).toBe(false);
  });

  it('is never late without a due date', () => {
    expect(isLate(new Date('2099-01-01T00:00:00Z'), null, HANOI)).toBe(false);
  });
});

describe('reviews', () => {
  it('allows a verdict on a submitted or reworked report, not on a closed one', () => {
    expect(mayReview('submitted')).toBe(true);
    expect(mayReview('rework')).toBe(true);
    expect(mayReview('accepted')).toBe(false);
    expect(mayReview('rejected')).toBe(false);
  });

  it('needs a reason of 5 characters or more to return or reject', () => {
    expect(reviewCommentTooShort('rework', 'ok')).toBe(true);
    expect(reviewCommentTooShort('rejected', '   abc   ')).toBe(true);
    expect(reviewCommentTooShort('rejected', 'Thiếu số liệu')).toBe(false);
    expect(reviewCommentTooShort('accepted', 'Đạt')).toBe(false);
  });

  it('reopens the obligation on rework and rejection, keeps it met on acceptance', () => {
    expect(obligationEffect('rework')).toBe('unmark');
    expect(obligationEffect('rejected')).toBe('unmark');
    expect(obligationEffect('accepted')).toBe('mark');
  });
});
