// Review milestones: "sơ kết" is the mid-term review, "tổng kết" the final one.

import type { Milestone } from './parse-result.js';

export function findMilestones(text: string): Milestone[] {
  const out: Milestone[] = [];
  if (/sơ kết/iu.test(text)) out.push('midterm_review');
  if (/tổng kết/iu.test(text)) out.push('final_review');
  return out;
}
