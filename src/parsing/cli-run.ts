// The parse command, apart from its entry point so it can be tested in-process.

import { readFile } from 'node:fs/promises';
import { UnreadableFileError, UnsupportedFileTypeError } from './extract-text.js';
import { parseFile } from './index.js';

export interface Output {
  write(s: string): unknown;
}

/** prints the ParseResult of the file as JSON; 2 with a one-line reason when it cannot */
export async function runParseCli(args: string[], stdout: Output, stderr: Output): Promise<number> {
  const path = args[0];
  if (!path) {
    stderr.write('Cách dùng: parse FILE (.txt, .md, .docx, .pdf)\n');
    return 2;
  }
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (err) {
    stderr.write(`Không đọc được tệp ${path}: ${(err as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  try {
    const result = await parseFile(buffer, path);
    stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof UnsupportedFileTypeError || err instanceof UnreadableFileError) {
      stderr.write(`${err.message}\n`);
      return 2;
    }
    stderr.write(`Lỗi khi đọc ${path}: ${(err as Error).message.split('\n')[0]}\n`);
    return 2;
  }
}
