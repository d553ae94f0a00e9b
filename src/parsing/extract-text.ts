// File bytes → text. The type is decided by content, never by the name: "%PDF" is a PDF,
// a zip holding word/document.xml is a .docx, anything else must be UTF-8 (or UTF-16 with a
// byte-order mark) text. Markdown and plain text are the same to the parser.

import type { Warning } from './parse-result.js';

export type SourceFormat = 'text' | 'docx' | 'pdf';

export interface ExtractedText {
  text: string;
  format: SourceFormat;
  warnings: Warning[];
}

/** The bytes are not a type the parser reads (the HTTP layer answers 415). */
export class UnsupportedFileTypeError extends Error {
  constructor(
    readonly detected: string,
    message: string,
  ) {
    super(message);
    this.name = 'UnsupportedFileTypeError';
  }
}

/** The bytes claim a supported type but cannot be read (a damaged .docx or .pdf). */
export class UnreadableFileError extends Error {
  constructor(
    readonly format: SourceFormat,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UnreadableFileError';
  }
}

function startsWith(buf: Buffer, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

export function detectFormat(buf: Buffer): SourceFormat | 'zip' | 'binary' {
  if (buf.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    return buf.includes('word/document.xml') ? 'docx' : 'zip';
  }
  if (startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff])) return 'text';
  if (buf.includes(0)) return 'binary';
  return 'text';
}

function decodeText(buf: Buffer): string {
  if (startsWith(buf, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (startsWith(buf, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new UnsupportedFileTypeError(
      'binary',
      'Tệp không phải văn bản UTF-8, .docx hay .pdf; hãy lưu lại dưới một trong các dạng này.',
    );
  }
}

async function docxText(buf: Buffer): Promise<string> {
  const mammoth = await import('mammoth');
  try {
    const result = await mammoth.default.extractRawText({ buffer: buf });
    return result.value;
  } catch (cause) {
    throw new UnreadableFileError('docx', 'Không đọc được tệp .docx (tệp hỏng?).', { cause });
  }
}

interface PdfItem {
  str: string;
  transform: number[];
  height: number;
  width: number;
  hasEOL?: boolean;
}

// Lines from the text layer: items grouped by baseline; a vertical gap well above the usual
// line spacing is a paragraph break, and each page ends with one.
async function pdfText(buf: Buffer): Promise<{ text: string; pages: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(buf),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      verbosity: 0,
    }).promise;
  } catch (cause) {
    throw new UnreadableFileError('pdf', 'Không đọc được tệp .pdf (tệp hỏng hoặc có mật khẩu).', {
      cause,
    });
  }
  const pages: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    const lines: { y: number; x: number; left: number; right: number; text: string }[] = [];
    for (const raw of content.items) {
      const item = raw as PdfItem;
      if (typeof item.str !== 'string' || !item.transform) continue;
      const y = item.transform[5];
      const x = item.transform[4];
      const last = lines[lines.length - 1];
      // same baseline and no column gap: the same line (a header's two columns are two lines)
      const sameRow = last && Math.abs(last.y - y) < Math.max(2, item.height * 0.4);
      const columnGap = last && x - last.right > Math.max(24, 3 * (item.height || 8));
      if (last && sameRow && !columnGap) {
        const needsSpace =
          last.text &&
          !/\s$/.test(last.text) &&
          item.str &&
          !/^\s/.test(item.str) &&
          x - last.right > 0.12 * (item.height || 10);
        last.text += (needsSpace ? ' ' : '') + item.str;
        last.x = x;
        // pdf.js fills a gap with a space item; it must not hide a column gap
        if (item.str.trim()) last.right = Math.max(last.right, x + (item.width || 0));
      } else if (item.str.trim()) {
        lines.push({ y, x, left: x, right: x + (item.width || 0), text: item.str });
      }
    }
    const gaps = lines
      .slice(1)
      .map((l, i) => lines[i].y - l.y)
      .filter((g) => g > 0)
      .sort((a, b) => a - b);
    const usual = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 0;
    const margin = Math.max(0, ...lines.map((l) => l.right));
    const out: string[] = [];
    lines.forEach((l, i) => {
      const text = l.text.replace(/\s+$/, '');
      const gap = i > 0 && usual > 0 && lines[i - 1].y - l.y > usual * 1.45;
      // a line that ran to the right margin wrapped: its paragraph goes on here
      const prev = lines[i - 1];
      const wrapped =
        i > 0 &&
        !gap &&
        out.length > 0 &&
        prev.y !== l.y &&
        prev.right >= margin * 0.9 &&
        Math.abs(prev.left - l.left) < 24 &&
        /\p{Ll}/u.test(prev.text);
      if (gap) out.push('');
      if (wrapped) out[out.length - 1] += ` ${text.trimStart()}`;
      else out.push(text);
    });
    pages.push(out.join('\n'));
    page.cleanup();
  }
  const count = doc.numPages;
  await doc.destroy();
  return { text: pages.join('\n\n'), pages: count };
}

export async function extractText(buf: Buffer, filename?: string): Promise<ExtractedText> {
  const format = detectFormat(buf);
  void filename;
  if (format === 'zip') {
    throw new UnsupportedFileTypeError(
      'zip',
      'Tệp nén không phải .docx; hãy tải lên .docx, .pdf, .txt hoặc .md.',
    );
  }
  if (format === 'binary') {
    throw new UnsupportedFileTypeError(
      'binary',
      'Không nhận ra loại tệp; hãy tải lên .docx, .pdf, .txt hoặc .md (tệp .doc cũ: lưu lại thành .docx).',
    );
  }
  if (format === 'docx') return { text: await docxText(buf), format, warnings: [] };
  if (format === 'pdf') {
    const { text, pages } = await pdfText(buf);
    const warnings: Warning[] = [];
    if (text.replace(/\s+/g, '').length < (20 * Math.max(1, pages)) / 4) {
      warnings.push({
        code: 'scanned_pdf_without_text',
        message: 'Tệp PDF không có lớp chữ (bản quét); cần nhận dạng chữ (OCR) hoặc tải bản .docx.',
      });
    }
    return { text, format, warnings };
  }
  return { text: decodeText(buf), format: 'text', warnings: [] };
}
