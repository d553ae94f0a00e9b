import { describe, expect, it } from '@jest/globals';
import { attachmentDisposition, safeEvidenceName } from './evidence-filename.js';

describe('safeEvidenceName', () => {
  it('keeps a plain name, composed to NFC', () => {
    const decomposed = 'Báo cáo.pdf'.normalize('NFD');
    expect(safeEvidenceName(decomposed, 'pdf', 0)).toBe('Báo cáo.pdf'.normalize('NFC'));
  });

  it('drops paths and control characters', () => {
    expect(safeEvidenceName('C:\\Users\\a\\bien-ban.docx', 'docx', 0)).toBe('bien-ban.docx');
    expect(safeEvidenceName('../../etc/passwd', 'pdf', 0)).toBe('passwd');
    expect(safeEvidenceName('a\u0000b\nc.png', 'png', 0)).toBe('abc.png');
  });

  it('names a nameless file after its position and type', () => {
    expect(safeEvidenceName('', 'pdf', 0)).toBe('minh-chung-1.pdf');
    expect(safeEvidenceName(null, 'png', 2)).toBe('minh-chung-3.png');
    expect(safeEvidenceName('..', 'png', 0)).toBe('minh-chung-1.png');
  });

  it('shortens a long name to 255 characters, keeping the extension', () => {
    const name = safeEvidenceName(`${'ả'.repeat(300)}.xlsx`, 'xlsx', 0);
    expect(name).toHaveLength(255);
    expect(name.endsWith('.xlsx')).toBe(true);
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('Báo cáo quý 2 (Đoàn).pdf')).toBe(
      `attachment; filename="Bao cao quy 2 (Doan).pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20qu%C3%BD%202%20%28%C4%90o%C3%A0n%29.pdf`,
    );
  });

  it('never lets a quote or a separator break the header', () => {
    expect(attachmentDisposition('a";b.pdf')).toBe(
      `attachment; filename="a__b.pdf"; filename*=UTF-8''a%22%3Bb.pdf`,
    );
  });
});
