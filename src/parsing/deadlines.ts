// Deadlines of a clause. Only dates introduced as a time limit count ("trước ngày",
// "chậm nhất", "trong tháng", "hoàn thành trong năm"): a clause also cites documents by
// date and names horizons ("định hướng đến năm 2030"), which are not deadlines.
// A month, quarter or year stands for its last day; "trước" a month/quarter/year for the day
// before it starts; a span counted from the date of issue is resolved against issuedOn.

import { addDays, isoDate, lastDayOfMonth } from './text-util.js';
import { quarterEnd } from './dates.js';

const TRIGGER = String.raw`(?:trước|chậm nhất(?:\s+là)?|hạn chót(?:\s+là)?|hạn(?:\s+là)?|trong|xong trong|xong trước|hoàn thành(?:\s+trong|\s+trước|\s+vào)?|vào|kết thúc(?:\s+trong|\s+vào)?|đến hết|cuối|thời gian(?:\s+thực hiện|\s+hoàn thành)?\s*:?)`;
const PERIOD = String.raw`(?:ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})|(?:tháng\s+)(\d{1,2})\s*[/.-]\s*(\d{4})|tháng\s+(\d{1,2})\s+năm\s+(\d{4})|quý\s+(I{1,3}|IV|[1-4])\s*(?:[/.-]\s*|năm\s+)(\d{4})|(6|06|sáu)\s+tháng\s+(đầu|cuối)\s+năm\s+(\d{4})|(?:cuối\s+)?năm\s+(\d{4})|ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})(?!\s*[/.-]?\s*\d))`;
const DEADLINE = new RegExp(String.raw`(?<![\p{L}])(${TRIGGER})\s+${PERIOD}`, 'giu');
const RELATIVE =
  /(?:sau|trong(?:\s+vòng)?|chậm nhất(?:\s+là)?|trong thời hạn)\s+(\d{1,3})\s+ngày(?:\s+làm việc)?,?\s+(?:kể\s+)?từ\s+ngày\s+(?:ban hành|ký|ký ban hành)/giu;

export interface DeadlineResult {
  dates: string[];
  /** a span counted from the date of issue, with no date of issue to count from */
  unresolvedRelative: boolean;
}

export function findDeadlines(text: string, issuedOn: string | null): DeadlineResult {
  const found: { at: number; date: string }[] = [];
  DEADLINE.lastIndex = 0;
  for (let m = DEADLINE.exec(text); m; m = DEADLINE.exec(text)) {
    const before = /trước$/iu.test(m[1]);
    const g = m.slice(2).map((x) => (x === undefined ? undefined : x));
    let date: string | null = null;
    let start: string | null = null;
    if (g[0]) date = isoDate(Number(g[2]), Number(g[1]), Number(g[0]));
    else if (g[3]) date = isoDate(Number(g[5]), Number(g[4]), Number(g[3]));
    else if (g[6] || g[8]) {
      const month = Number(g[6] ?? g[8]);
      const year = Number(g[7] ?? g[9]);
      if (month >= 1 && month <= 12) {
        date = lastDayOfMonth(year, month);
        start = isoDate(year, month, 1);
      }
    } else if (g[10]) {
      const year = Number(g[11]);
      date = quarterEnd(g[10], year);
      if (date) start = isoDate(year, Number(date.slice(5, 7)) - 2, 1);
    } else if (g[12]) {
      const year = Number(g[14]);
      const first = g[13]!.toLowerCase() === 'đầu';
      date = first ? `${year}-06-30` : `${year}-12-31`;
      start = first ? `${year}-01-01` : `${year}-07-01`;
    } else if (g[15]) {
      const year = Number(g[15]);
      date = `${year}-12-31`;
      start = `${year}-01-01`;
    } else if (g[16] && issuedOn) {
      // a day and month alone fall in the year of issue, or the next one if already past
      const year = Number(issuedOn.slice(0, 4));
      const day = Number(g[16]);
      const month = Number(g[17]);
      date = isoDate(year, month, day);
      if (date && date < issuedOn) date = isoDate(year + 1, month, day);
    }
    if (date && before && start) date = addDays(start, -1);
    if (date) found.push({ at: m.index, date });
  }
  let unresolvedRelative = false;
  RELATIVE.lastIndex = 0;
  for (let m = RELATIVE.exec(text); m; m = RELATIVE.exec(text)) {
    if (issuedOn) found.push({ at: m.index, date: addDays(issuedOn, Number(m[1])) });
    else unresolvedRelative = true;
  }
  found.sort((a, b) => a.at - b.at);
  const dates: string[] = [];
  for (const f of found) if (!dates.includes(f.date)) dates.push(f.date);
  return { dates, unresolvedRelative };
}
