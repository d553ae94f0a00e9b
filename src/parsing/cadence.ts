// How often a clause recurs. Several phrases in one clause ("định kỳ 6 tháng, hằng năm")
// give the shortest period, since that is when the first report falls due.

import type { Cadence } from './parse-result.js';

const RULES: [RegExp, Cadence][] = [
  [
    /(?:hằng|hàng|mỗi)\s+tháng|định kỳ\s*\(?\s*(?:hằng\s+|hàng\s+)?tháng|báo cáo tháng(?!\s+\d)/iu,
    'monthly',
  ],
  [
    /(?:hằng|hàng|mỗi)\s+quý|định kỳ\s*\(?\s*(?:hằng\s+|hàng\s+)?quý|báo cáo quý(?!\s+[IV\d])|theo quý/iu,
    'quarterly',
  ],
  [
    /(?:định kỳ|hằng|hàng|mỗi)\s*\(?\s*(?:0?6|sáu)\s+tháng|(?:0?6|sáu)\s+tháng\s+(?:một|1)\s+lần|nửa năm|báo cáo (?:0?6|sáu) tháng(?!\s+(?:đầu|cuối)\s+năm\s+\d)|sơ kết (?:0?6|sáu) tháng/iu,
    'semiannual',
  ],
  [
    /(?:hằng|hàng|mỗi)\s+năm|định kỳ\s*\(?\s*(?:hằng\s+|hàng\s+)?năm|thường niên|báo cáo năm(?!\s+\d)/iu,
    'annual',
  ],
];

export function findCadence(text: string, hasDeadline: boolean): Cadence {
  for (const [re, cadence] of RULES) if (re.test(text)) return cadence;
  if (/định kỳ/iu.test(text)) return 'periodic';
  if (/(?:một|1)\s+lần(?![\p{L}])/iu.test(text) || hasDeadline) return 'once';
  return 'none';
}
