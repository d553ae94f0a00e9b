import { describe, it, expect } from '@jest/globals';
import { ROLLUP_SUMMARIES, ROLLUP_SUMMARY_LABEL_VI, rollup, type RollupChild } from './rollup.js';

const child = (
  status: RollupChild['status'],
  percent?: number | null,
  overdue?: boolean,
): RollupChild => ({
  status,
  ...(percent === undefined ? {} : { percent }),
  ...(overdue === undefined ? {} : { overdue }),
});

describe('rollup percent', () => {
  it('averages the latest percents', () => {
    expect(
      rollup([child('in_progress', 40), child('in_progress', 60), child('submitted', 80)]).percent,
    ).toBe(60);
  });

  it('counts verified as 100 whatever was reported', () => {
    expect(rollup([child('verified', 70), child('in_progress', 50)]).percent).toBe(75);
  });

  it('leaves cancelled children out of the average and the count', () => {
    const r = rollup([child('cancelled', 0), child('in_progress', 50), child('verified')]);
    expect(r.percent).toBe(75);
    expect(r.counted).toBe(2);
    expect(r.total).toBe(3);
  });

  it('counts a child that has not reported as 0', () => {
    expect(
      rollup([child('assigned'), child('in_progress', 30), child('in_progress', null)]).percent,
    ).toBe(10);
  });

  it('clamps out-of-range and ignores non-finite reports', () => {
    expect(rollup([child('in_progress', 150), child('in_progress', -20)]).percent).toBe(50);
    expect(rollup([child('in_progress', Number.NaN), child('in_progress', 50)]).percent).toBe(25);
  });

  it('rounds to one decimal', () => {
    expect(
      rollup([child('in_progress', 10), child('in_progress', 10), child('in_progress', 0)]).percent,
    ).toBe(6.7);
  });

  it('is null when nothing counts', () => {
    expect(rollup([]).percent).toBeNull();
    expect(rollup([child('cancelled', 40)]).percent).toBeNull();
  });
});

describe('rollup summary', () => {
  it('no children', () => {
    expect(rollup([])).toMatchObject({
      summary: 'no_children',
      labelVi: 'Chưa giao cho đơn vị nào',
      total: 0,
    });
  });

  it('all cancelled', () => {
    expect(rollup([child('cancelled'), child('cancelled')]).summary).toBe('all_cancelled');
  });

  it('complete when every child that counts is verified', () => {
    const r = rollup([child('verified'), child('verified'), child('cancelled')]);
    expect(r).toMatchObject({ summary: 'complete', percent: 100, labelVi: 'Đã hoàn thành' });
  });

  it('needs attention when any child was returned, ahead of everything else', () => {
    expect(rollup([child('verified'), child('returned', 90)]).summary).toBe('needs_attention');
    expect(rollup([child('submitted', 100), child('returned', 90)]).summary).toBe(
      'needs_attention',
    );
  });

  it('needs attention when an open child is overdue', () => {
    const r = rollup([child('in_progress', 50, true), child('in_progress', 20)]);
    expect(r).toMatchObject({ summary: 'needs_attention', overdue: 1 });
  });

  it('ignores an overdue flag on verified or cancelled children', () => {
    const r = rollup([
      child('verified', 100, true),
      child('cancelled', 0, true),
      child('in_progress', 10),
    ]);
    expect(r).toMatchObject({ summary: 'in_progress', overdue: 0 });
  });

  it('awaiting verification when all are submitted or verified', () => {
    expect(rollup([child('submitted', 100), child('verified')]).summary).toBe(
      'awaiting_verification',
    );
  });

  it('not started when all are assigned or acknowledged with nothing reported', () => {
    expect(rollup([child('assigned'), child('acknowledged', 0)]).summary).toBe('not_started');
  });

  it('in progress otherwise', () => {
    expect(rollup([child('assigned'), child('in_progress', 10)]).summary).toBe('in_progress');
    expect(rollup([child('acknowledged', 5)]).summary).toBe('in_progress');
  });

  it('counts children by status', () => {
    const r = rollup([child('assigned'), child('assigned'), child('verified'), child('cancelled')]);
    expect(r.byStatus).toEqual({
      assigned: 2,
      acknowledged: 0,
      in_progress: 0,
      submitted: 0,
      returned: 0,
      verified: 1,
      cancelled: 1,
    });
  });

  it('has a Vietnamese label for every summary', () => {
    for (const s of ROLLUP_SUMMARIES) expect(ROLLUP_SUMMARY_LABEL_VI[s]).toMatch(/\S/);
  });
});
