// Rules of progress reports and their reviews, pure: the service reads the rows and asks here.
import { compareDates, todayIn, type IsoDate } from '../common/dates.js';

export const REPORT_STATUSES = ['submitted', 'accepted', 'rework', 'rejected'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const VERDICTS = ['accepted', 'rework', 'rejected'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_LABEL_VI: Record<Verdict, string> = {
  accepted: 'chấp nhận',
  rework: 'yêu cầu làm lại',
  rejected: 'bác bỏ',
};

/** accepted and rejected close a report; rework leaves it open to a later verdict. */
export const FINAL_VERDICTS: readonly ReportStatus[] = ['accepted', 'rejected'];

export const REVIEW_COMMENT_MIN = 5;

/**
 * Late when submitted after the end of the due day in the office's zone: a report at 23:59
 * Hanoi time on the due day is on time, whatever the server's clock zone is.
 */
export function isLate(submittedAt: Date, dueOn: IsoDate | null, zone: string): boolean {
  if (!dueOn) return false;
  return compareDates(todayIn(zone, submittedAt), dueOn) > 0;
}

export function mayReview(status: ReportStatus): boolean {
  return !FINAL_VERDICTS.includes(status);
}

/** Returning or refusing a report must say why; an acceptance may be brief. */
export function reviewCommentTooShort(verdict: Verdict, comment: string): boolean {
  return verdict !== 'accepted' && comment.trim().length < REVIEW_COMMENT_MIN;
}

/**
 * What a verdict does to the obligation the report stood for: rework and rejected reopen it
 * (reminders resume); an acceptance marks it met again if nothing else met it meanwhile.
 */
export function obligationEffect(verdict: Verdict): 'unmark' | 'mark' {
  return verdict === 'accepted' ? 'mark' : 'unmark';
}
