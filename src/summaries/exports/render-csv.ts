import type { Cell, SummaryReport } from './summary-report.js';

// Excel opens a CSV as UTF-8 only when it starts with a byte order mark; without it the
// Vietnamese letters come out as mojibake.
const BOM = '\uFEFF';

function field(value: Cell): string {
  if (value === null) return '';
  const s = typeof value === 'number' ? String(value) : value.normalize('NFC');
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Both tables, each under its heading; numbers stay machine-readable (dot decimals). */
export function renderCsv(report: SummaryReport): Buffer {
  const lines: string[] = [
    field(report.title),
    ...report.subtitle.map((s) => field(s)),
    field(report.placeAndDate),
    '',
  ];
  for (const table of report.tables) {
    lines.push(field(table.heading));
    lines.push(table.columns.map((c) => field(c.header)).join(','));
    for (const row of table.rows) lines.push(row.map(field).join(','));
    if (table.totals) lines.push(table.totals.map(field).join(','));
    lines.push('');
  }
  return Buffer.from(BOM + lines.join('\r\n'), 'utf8');
}
