// Public API of the parser: text or file bytes in, ParseResult out.

import { extractText } from './extract-text.js';
import type { ParseResult } from './parse-result.js';
import { type ParseOptions, parseText } from './parse-text.js';

export { parseText, type ParseOptions } from './parse-text.js';
export { normalize } from './normalize.js';
export {
  extractText,
  detectFormat,
  UnsupportedFileTypeError,
  UnreadableFileError,
  type ExtractedText,
  type SourceFormat,
} from './extract-text.js';
export type * from './parse-result.js';
export type { PartyDirectory, DirectoryQuery, DirectoryMatch } from './directory.js';

export async function parseFile(
  buffer: Buffer,
  filename?: string,
  options: Omit<ParseOptions, 'filename'> = {},
): Promise<ParseResult> {
  const extracted = await extractText(buffer, filename);
  const result = parseText(extracted.text, { ...options, filename });
  if (!extracted.warnings.length) return result;
  if (!result.documents.length || !extracted.text.trim()) {
    result.documents = [
      {
        kind: 'OTHER',
        number: null,
        issuer: null,
        issuedOn: null,
        place: null,
        title: null,
        isDraft: false,
        recipients: [],
        period: null,
        targets: [],
        clauses: [],
        warnings: [],
        carries: null,
        carriedBy: null,
        start: 0,
        end: 0,
      },
    ];
  }
  for (const doc of result.documents) doc.warnings.unshift(...extracted.warnings);
  result.warnings = [...extracted.warnings];
  return result;
}
