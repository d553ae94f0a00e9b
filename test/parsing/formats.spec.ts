// .docx and .pdf made from a seed must give the same clauses as its text; a PDF without a
// text layer must say so.

import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import {
  UnsupportedFileTypeError,
  detectFormat,
  extractText,
  normalize,
  parseFile,
  parseText,
} from '../../src/parsing/index.js';
import type { ParseResult } from '../../src/parsing/index.js';

const root = process.cwd();
const seed = (id: string) => readFileSync(join(root, 'test/fixtures/seeds', `${id}.txt`), 'utf8');
const FONT = join(root, 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

function paragraphsOf(text: string): string[] {
  return normalize(text).split('\n');
}

async function docxOf(text: string): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: paragraphsOf(text)
          .filter((l) => l)
          .map((l) => new Paragraph({ children: [new TextRun(l)] })),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function pdfOf(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

function textPdf(text: string): Promise<Buffer> {
  return pdfOf((doc) => {
    doc.font(FONT).fontSize(11);
    for (const line of paragraphsOf(text)) {
      if (!line) continue;
      doc.text(line, { align: 'justify' });
      doc.moveDown(0.8);
    }
  });
}

function clauseView(r: ParseResult) {
  return r.documents.map((d) =>
    d.clauses.map((c) => ({
      section: c.section,
      ordinal: c.ordinal,
      text: c.text,
      leads: c.leads.map((p) => p.name),
      coordinators: c.coordinators.map((p) => p.name),
      reportTo: c.reportTo.map((p) => p.name),
      cadence: c.cadence,
      deadlines: c.deadlines,
    })),
  );
}

describe.each(['000_95fe18056013d91d', '001_fa2d4705234aec79'])('seed %s as a file', (id) => {
  const text = seed(id);
  const expected = clauseView(parseText(text));

  it('has clauses to compare', () => {
    expect(expected.flat().length).toBeGreaterThan(0);
  });

  it('.txt bytes give the same result as the text', async () => {
    await expect(
      parseFile(Buffer.from(text, 'utf8'), `${id}.txt`).then(clauseView),
    ).resolves.toEqual(expected);
  });

  it('.docx gives the same clauses', async () => {
    const buf = await docxOf(text);
    expect(detectFormat(buf)).toBe('docx');
    await expect(parseFile(buf, `${id}.docx`).then(clauseView)).resolves.toEqual(expected);
  });

  it('.pdf gives the same clauses', async () => {
    const buf = await textPdf(text);
    expect(detectFormat(buf)).toBe('pdf');
    await expect(parseFile(buf, `${id}.pdf`).then(clauseView)).resolves.toEqual(expected);
  });
});

describe('file types', () => {
  it('a PDF with no text layer warns that it is scanned', async () => {
    const buf = await pdfOf((doc) => {
      doc.rect(100, 100, 300, 200).fill('#777777');
    });
    const result = await parseFile(buf, 'scan.pdf');
    expect(result.documents[0].warnings.map((w) => w.code)).toContain('scanned_pdf_without_text');
    expect(result.warnings?.map((w) => w.code)).toEqual(['scanned_pdf_without_text']);
  });

  it('detects by content, not by the name', async () => {
    const text = Buffer.from('IV. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì.', 'utf8');
    await expect(extractText(text, 'looks-like.pdf')).resolves.toMatchObject({ format: 'text' });
  });

  it('refuses bytes that are not UTF-8 text, .docx or .pdf', async () => {
    await expect(
      extractText(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 1, 2]), 'old.doc'),
    ).rejects.toBeInstanceOf(UnsupportedFileTypeError);
    await expect(extractText(Buffer.from([0xc3, 0x28, 0x41]), 'bad.txt')).rejects.toBeInstanceOf(
      UnsupportedFileTypeError,
    );
    await expect(
      extractText(Buffer.from('PK\u0003\u0004other.xml', 'latin1'), 'a.zip'),
    ).rejects.toBeInstanceOf(UnsupportedFileTypeError);
  });

  it('reads UTF-16 text with a byte-order mark', async () => {
    const buf = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Kính gửi: Sở Y tế', 'utf16le'),
    ]);
    await expect(extractText(buf)).resolves.toMatchObject({ text: 'Kính gửi: Sở Y tế' });
  });
});

describe('a PDF laid out in two columns', () => {
  it('reads the header columns as separate lines', async () => {
    const buf = await pdfOf((doc) => {
      doc.font(FONT).fontSize(12);
      doc.text('TỈNH ỦY HÀ GIANG', 50, 60, { lineBreak: false });
      doc.text('ĐẢNG CỘNG SẢN VIỆT NAM', 330, 60, { lineBreak: false });
      doc.text('Số 18-CT/TU', 50, 80, { lineBreak: false });
      doc.text('Hà Giang, ngày 12 tháng 3 năm 2024', 300, 80, { lineBreak: false });
      doc.text('CHỈ THỊ', 250, 120, { lineBreak: false });
    });
    const result = await parseFile(buf, 'ct.pdf');
    expect(result.documents[0]).toMatchObject({
      kind: 'CT',
      number: '18-CT/TU',
      issuedOn: '2024-03-12',
      place: 'Hà Giang',
      issuer: { name: 'Tỉnh ủy Hà Giang' },
    });
  });
});
