import { describe, expect, it } from '@jest/globals';
import { formatDate, formatInstant, formatPeriod, parseVnDate } from '../../web/src/format.js';
import { locateClauses } from '../../web/src/source-marks.js';

// The web interface's pure parts: dates as people type and read them, and where a clause sits
// in the document's text.

describe('dates in the web interface', () => {
  it('shows dates as dd/mm/yyyy and instants in Vietnam time', () => {
    expect(formatDate('2025-12-31')).toBe('31/12/2025');
    expect(formatDate(null)).toBe('');
    expect(formatInstant('2026-11-23T17:30:00.000Z')).toBe('24/11/2026 00:30');
    expect(formatDate('2026-11-23T17:30:00.000Z')).toBe('24/11/2026');
  });

  it('reads what people type, refusing dates that do not exist', () => {
    expect(parseVnDate('31/12/2025')).toBe('2025-12-31');
    expect(parseVnDate('1/2/2025')).toBe('2025-02-01');
    expect(parseVnDate(' 05.03.2026 ')).toBe('2026-03-05');
    expect(parseVnDate('31/02/2025')).toBeNull();
    expect(parseVnDate('2025-12-31')).toBeNull();
    expect(parseVnDate('12/2025')).toBeNull();
  });

  it('names reporting periods', () => {
    expect(formatPeriod('2022-H1')).toBe('6 tháng đầu năm 2022');
    expect(formatPeriod('2022-H2')).toBe('6 tháng cuối năm 2022');
    expect(formatPeriod('2026-Q3')).toBe('quý 3 năm 2026');
    expect(formatPeriod('2026-M07')).toBe('tháng 7 năm 2026');
    expect(formatPeriod('2025')).toBe('năm 2025');
  });
});

describe('clauses in the source text', () => {
  const text =
    'IV- TỔ CHỨC THỰC HIỆN\n\n1. Ban Tuyên giáo chủ trì.\n\n2. Các huyện ủy thực hiện.\n';
  const first = { id: 'a', text: 'Ban Tuyên giáo chủ trì.', start: 26, end: 49 };
  const second = { id: 'b', text: 'Các huyện ủy thực hiện.', start: 54, end: 77 };

  it('uses the offsets when they point at the clause', () => {
    expect(text.slice(first.start, first.end)).toBe(first.text);
    expect(locateClauses(text, [first, second])).toEqual([
      { id: 'a', start: 26, end: 49 },
      { id: 'b', start: 54, end: 77 },
    ]);
  });

  it('finds the clause by its words when the text still has its markdown marks', () => {
    const marked =
      'IV- **TỔ CHỨC THỰC HIỆN**\n\n1. **Ban Tuyên giáo** chủ  trì.\n\n2. Các huyện ủy thực hiện.\n';
    const found = locateClauses(marked, [first, second]);
    expect(found).toHaveLength(2);
    expect(marked.slice(found[0].start, found[0].end)).toBe('Ban Tuyên giáo** chủ  trì.');
    expect(marked.slice(found[1].start, found[1].end)).toBe('Các huyện ủy thực hiện.');
  });

  it('leaves out a clause it cannot find rather than marking the wrong words', () => {
    expect(
      locateClauses(text, [{ id: 'x', text: 'Không có trong văn bản.', start: 0, end: 5 }]),
    ).toEqual([]);
  });
});
