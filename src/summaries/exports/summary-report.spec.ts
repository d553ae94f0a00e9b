import { describe, expect, it } from '@jest/globals';
import type { OrganizationsSummary, Overview } from '../summaries.service.js';
import { buildSummaryReport, formatNumberVi } from './summary-report.js';
import { renderCsv } from './render-csv.js';

const counts = {
  total: 3,
  onTimeDone: 1,
  lateDone: 1,
  openInTerm: 0,
  overdueOpen: 1,
  cancelled: 0,
};
const overview: Overview = {
  ...counts,
  asOf: '2026-04-20',
  documentId: null,
  organizationId: null,
  period: null,
  extensions: 2,
  obligations: { ...counts, total: 5, openInTerm: 2 },
};
const card = {
  ...counts,
  assigned: 3,
  onTimePercent: 33.3,
  averageDaysLate: 29.5,
  extensions: 2,
  reportsSubmitted: 4,
  reportsOnTime: 3,
  reportsOnTimePercent: 75,
  returnedForRework: 1,
  obligationsOverdue: 0,
};
const organizations: OrganizationsSummary = {
  asOf: '2026-04-20',
  documentId: null,
  period: null,
  items: [
    { organizationId: 'hg-ban-tuyen-giao', name: 'Ban Tuyên giáo Tỉnh ủy Hà Giang', ...card },
  ],
  totals: card,
};

describe('the summary as a party report', () => {
  it('puts the committee and the issuing body of the caller in the header', () => {
    const r = buildSummaryReport(
      {
        committee: 'Hà Giang',
        role: 'inspector',
        today: '2026-11-23',
        document: { kind: 'NQ', number: '15-NQ/TU', issuedOn: '2026-01-10', title: null },
        periodLabel: null,
      },
      overview,
      organizations,
    );
    expect(r.issuer).toEqual(['TỈNH ỦY HÀ GIANG', 'ỦY BAN KIỂM TRA', '*']);
    expect(r.party).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(r.placeAndDate).toBe('Hà Giang, ngày 23 tháng 11 năm 2026');
    expect(r.subtitle).toContain('thực hiện Nghị quyết số 15-NQ/TU ngày 10/01/2026');
    expect(r.subtitle).toContain('Số liệu tính đến ngày 20/04/2026');
    expect(r.tables[0]!.totals).toEqual(['Tổng số', 3, 5]);
    expect(r.tables[1]!.rows[0]).toEqual([
      1,
      'Ban Tuyên giáo Tỉnh ủy Hà Giang',
      3,
      1,
      1,
      0,
      1,
      0,
      33.3,
      29.5,
      2,
      4,
      75,
      1,
    ]);
    expect(r.filename).toBe('Báo cáo tổng hợp Hà Giang đến 20260420');
  });

  it('prints figures the Vietnamese way', () => {
    expect(formatNumberVi(33.3, true)).toBe('33,3');
    expect(formatNumberVi(100, true)).toBe('100,0');
    expect(formatNumberVi(12000)).toBe('12.000');
    expect(formatNumberVi(null)).toBe('—');
  });

  it('writes a CSV Excel opens as UTF-8', () => {
    const r = buildSummaryReport(
      {
        committee: 'Hà Giang',
        role: 'office',
        today: '2026-11-23',
        document: null,
        periodLabel: null,
      },
      overview,
      organizations,
    );
    const csv = renderCsv(r);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    expect(text).toContain('1,Ban Tuyên giáo Tỉnh ủy Hà Giang,3,1,1,0,1,0,33.3,29.5,2,4,75,1');
    expect(r.issuer[1]).toBe('VĂN PHÒNG');
  });
});
