import { parse } from 'csv-parse/sync';

/** Columns of the import file; list fields hold several values separated by "|". */
export const CSV_COLUMNS = [
  'code',
  'name',
  'shortName',
  'kind',
  'level',
  'province',
  'district',
  'parent',
  'aliases',
  'groups',
  'validFrom',
  'validTo',
  'successors',
] as const;

const LIST_COLUMNS = new Set(['aliases', 'groups', 'successors']);
const NULLABLE_COLUMNS = new Set(['district', 'parent', 'validFrom', 'validTo']);

export interface CsvRow {
  /** line in the file, counting the header as line 1 */
  line: number;
  raw: Record<string, unknown>;
}

export class CsvFormatError extends Error {
  constructor(
    readonly messageVi: string,
    messageEn: string,
  ) {
    super(messageEn);
  }
}

/**
 * Reads the CSV into raw catalog entries (validation is the catalog's job). Accepts a UTF-8 BOM
 * (Excel writes one) and "," or ";" as separator.
 */
export function readOrganizationCsv(text: string): CsvRow[] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter =
    (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(body, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
    }) as string[][];
  } catch (error) {
    throw new CsvFormatError(
      `Tệp CSV không đọc được: ${(error as Error).message}`,
      `The CSV file cannot be read: ${(error as Error).message}`,
    );
  }
  const [header, ...rows] = records;
  if (!header) throw new CsvFormatError('Tệp CSV rỗng.', 'The CSV file is empty.');
  const columns = header.map((h) => h.trim());
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  const missing = ['code', 'name', 'kind', 'level', 'province'].filter((c) => !columns.includes(c));
  if (unknown.length || missing.length) {
    const detail = [
      unknown.length ? `unknown columns: ${unknown.join(', ')}` : '',
      missing.length ? `missing columns: ${missing.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    throw new CsvFormatError(
      `Dòng tiêu đề không đúng (${detail}). Các cột: ${CSV_COLUMNS.join(', ')}.`,
      `Bad header line (${detail}). Columns: ${CSV_COLUMNS.join(', ')}.`,
    );
  }
  const out: CsvRow[] = [];
  rows.forEach((cells, index) => {
    if (cells.every((c) => c === '')) return;
    const raw: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      const value = (cells[i] ?? '').normalize('NFC');
      if (LIST_COLUMNS.has(column)) {
        raw[column] =
          value === ''
            ? []
            : value
                .split('|')
                .map((v) => v.trim())
                .filter(Boolean);
      } else if (NULLABLE_COLUMNS.has(column)) {
        raw[column] = value === '' ? null : value;
      } else {
        raw[column] = value;
      }
    });
    raw.shortName ??= raw.name;
    if (raw.shortName === '') raw.shortName = raw.name;
    for (const column of LIST_COLUMNS) raw[column] ??= [];
    for (const column of NULLABLE_COLUMNS) raw[column] ??= null;
    if (cells.length > columns.length) raw.__extraCells = cells.length - columns.length;
    out.push({ line: index + 2, raw });
  });
  return out;
}
