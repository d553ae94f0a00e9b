// Dates as written in Vietnamese administrative text.

import { isoDate, lastDayOfMonth, romanToInt } from './text-util.js';

/** "ngày 5 tháng 11 năm 2021", "ngày 05/11/2021", "05-11-2021", "23.11.2021" at index 0 */
export const DATE_WORDS = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;
export const DATE_NUMERIC = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/u;

export function parseDate(s: string): string | null {
  const w = DATE_WORDS.exec(s);
  if (w) return isoDate(Number(w[3]), Number(w[2]), Number(w[1]));
  const n = DATE_NUMERIC.exec(s);
  if (n) return isoDate(Number(n[3]), Number(n[2]), Number(n[1]));
  return null;
}

/** last day of a quarter given as I–IV or 1–4 */
export function quarterEnd(q: string, year: number): string | null {
  const n = /^\d$/.test(q) ? Number(q) : romanToInt(q);
  if (!n || n < 1 || n > 4) return null;
  return lastDayOfMonth(year, n * 3);
}
