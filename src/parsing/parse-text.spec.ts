import { describe, expect, it } from '@jest/globals';
import type { DirectoryQuery, PartyDirectory } from './directory.js';
import { parseText } from './parse-text.js';

const LETTER = `ỦY BAN NHÂN DÂN
TỈNH HÀ GIANG
Số: 2456/UBND-VX
V/v triển khai Chỉ thị số 12-CT/TU
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Giang, ngày 10 tháng 5 năm 2024

Kính gửi:
- Sở Nội vụ;
- Ủy ban nhân dân các huyện, thành phố.

Thực hiện Chỉ thị số 12-CT/TU, ngày 02/5/2024 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh giao Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành liên quan xây dựng kế hoạch, báo cáo Ủy ban nhân dân tỉnh trước ngày 31/5/2024.

Nơi nhận:
- Như trên;
- Lưu: VT, VX.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn C
`;

describe('parseText', () => {
  it('reads a state letter: its request, lead, coordinator and deadline', () => {
    const [doc] = parseText(LETTER).documents;
    expect(doc).toMatchObject({
      kind: 'CV',
      number: '2456/UBND-VX',
      issuedOn: '2024-05-10',
      place: 'Hà Giang',
      issuer: { name: 'Ủy ban nhân dân tỉnh Hà Giang', group: false },
      title: 'V/v triển khai Chỉ thị số 12-CT/TU',
      warnings: [],
    });
    expect(doc.recipients.map((p) => p.name)).toEqual([
      'Sở Nội vụ tỉnh Hà Giang',
      'Ủy ban nhân dân các huyện, thành phố',
    ]);
    expect(doc.clauses).toHaveLength(1);
    expect(doc.clauses[0]).toMatchObject({
      section: null,
      ordinal: '1',
      leads: [{ name: 'Sở Nội vụ tỉnh Hà Giang' }],
      coordinators: [{ name: 'các sở, ban, ngành liên quan', group: true }],
      reportTo: [{ name: 'Ủy ban nhân dân tỉnh Hà Giang' }],
      actions: ['plan', 'report'],
      cadence: 'once',
      deadlines: ['2024-05-31'],
    });
    expect(doc.clauses[0].leads[0]).not.toHaveProperty('orgId');
  });

  it('resolves parties through a directory and warns about the ones it does not know', () => {
    const asked: DirectoryQuery[] = [];
    const directory: PartyDirectory = {
      resolve(q) {
        asked.push(q);
        return q.name === 'Sở Nội vụ tỉnh Hà Giang' ? { orgId: 'HG-SNV', name: q.name } : null;
      },
    };
    const [doc] = parseText(LETTER, { directory }).documents;
    expect(doc.clauses[0].leads[0]).toEqual({
      mention: 'Sở Nội vụ',
      name: 'Sở Nội vụ tỉnh Hà Giang',
      orgId: 'HG-SNV',
      group: false,
    });
    expect(doc.clauses[0].reportTo[0].orgId).toBeNull();
    expect(doc.warnings.map((w) => w.code)).toContain('unresolved_mention');
    expect(asked[0]).toMatchObject({ asOf: '2024-05-10', province: 'Hà Giang' });
  });

  it('warns about a clause without a lead, a missing number and date, a missing section', () => {
    const doc = parseText(
      'KẾ HOẠCH\nvề công tác dân vận\n\nIII. TỔ CHỨC THỰC HIỆN\n' +
        '1. Tăng cường kiểm tra, giám sát.\n',
    ).documents[0];
    expect(doc.warnings.map((w) => w.code)).toEqual([
      'clause_without_lead',
      'missing_number_date_place',
    ]);
    expect(doc.warnings[0].clause).toBe('III.1');
    const ct = parseText('CHỈ THỊ\nvề X\n\nI. Nội dung\nCác cấp ủy quan tâm.').documents[0];
    expect(ct.warnings.map((w) => w.code)).toContain('missing_section');
  });

  it('resolves a deadline counted from the date of issue', () => {
    const text =
      'TỈNH ỦY HÀ GIANG\nSố 5-KH/TU\nHà Giang, ngày 01 tháng 3 năm 2024\nKẾ HOẠCH\nvề X\n\n' +
      'IV. TỔ CHỨC THỰC HIỆN\n1. Ban Tổ chức Tỉnh ủy báo cáo sau 15 ngày kể từ ngày ban hành.\n';
    expect(parseText(text).documents[0].clauses[0].deadlines).toEqual(['2024-03-16']);
  });

  it('gives the same result for NFD input and for "Uỷ"', () => {
    const nfd = parseText(LETTER.normalize('NFD'));
    expect(nfd).toEqual(parseText(LETTER));
    const oldStyle = parseText(LETTER.replace(/Ủy/g, 'Uỷ'));
    expect(oldStyle.documents[0].clauses).toEqual(parseText(LETTER).documents[0].clauses);
  });

  it('links a cover letter to the document it forwards', () => {
    const text = `${LETTER}\nKẾ HOẠCH\nthực hiện Chỉ thị\n\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì.\n`;
    const { documents } = parseText(text);
    expect(documents.map((d) => [d.kind, d.carries, d.carriedBy])).toEqual([
      ['CV', 1, null],
      ['KH', null, 0],
    ]);
  });

  it('asks the directory about an undated draft as of the letter that carries it', () => {
    const asked: (string | null)[] = [];
    const directory: PartyDirectory = {
      resolve(q) {
        asked.push(q.asOf);
        return null;
      },
    };
    const text = `${LETTER}\nDỰ THẢO: KẾ HOẠCH\nthực hiện Chỉ thị\n\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì.\n`;
    parseText(text, { directory });
    expect(new Set(asked)).toEqual(new Set(['2024-05-10']));
  });

  it('never throws on empty input', () => {
    expect(parseText('').documents).toHaveLength(1);
  });
});
