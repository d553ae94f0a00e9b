// Hostile or huge input: nothing throws, and the work grows linearly with the input. No wall
// times are asserted; the growth check compares runs of 1× and 8× the same input with a wide
// margin, so a quadratic step (or catastrophic backtracking) fails it while noise does not.

import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile, parseText } from '../../src/parsing/index.js';

const seeds = ['000_95fe18056013d91d', '001_fa2d4705234aec79'].map((id) =>
  readFileSync(join(process.cwd(), 'test/fixtures/seeds', `${id}.txt`), 'utf8'),
);

function elapsed(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** best of three, to damp GC and JIT noise */
function best(fn: () => void): number {
  return Math.min(elapsed(fn), elapsed(fn), elapsed(fn));
}

function numbered(n: number): string {
  const lines = ['IV. TỔ CHỨC THỰC HIỆN'];
  for (let i = 1; i <= n; i++) {
    lines.push(
      `${i}. Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành liên quan theo dõi, ` +
        `đôn đốc, định kỳ hằng quý báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2024.`,
    );
  }
  return lines.join('\n');
}

describe('robustness', () => {
  it('random bytes never throw (text or a typed refusal)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), async (bytes) => {
        try {
          const r = await parseFile(Buffer.from(bytes));
          expect(Array.isArray(r.documents)).toBe(true);
        } catch (err) {
          expect((err as Error).name).toMatch(/UnsupportedFileTypeError|UnreadableFileError/);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('random Unicode strings never throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (s) => {
        expect(Array.isArray(parseText(s).documents)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('random mixes of document words never throw', () => {
    const words = [
      'IV.',
      'TỔ CHỨC THỰC HIỆN',
      '1.',
      'a)',
      '-',
      'Sở',
      'Ban',
      'Tuyên giáo',
      'Tỉnh ủy',
      'các',
      'sở, ban, ngành',
      'phối hợp với',
      'báo cáo',
      'trước ngày',
      '31/12/2024',
      '\n',
      '\n\n',
      'Nơi nhận:',
      'T/M',
      'Kính gửi:',
      'Số',
      'ngày',
      'tháng',
      'năm',
      '2025',
      '%',
      '(',
      ')',
      ';',
      ',',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 400 }), (parts) => {
        expect(Array.isArray(parseText(parts.join(' ')).documents)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a 10 MB text finishes', () => {
    let text = '';
    while (text.length < 10_000_000) text += `${seeds[0]}\n${seeds[1]}\n`;
    const result = parseText(text);
    expect(result.documents.length).toBeGreaterThan(100);
  });

  it('10,000 numbered lines give 10,000 clauses', () => {
    const result = parseText(numbered(10_000));
    expect(result.documents[0].clauses).toHaveLength(10_000);
    expect(result.documents[0].clauses[9999]).toMatchObject({
      ordinal: '10000',
      cadence: 'quarterly',
    });
  });

  it('a document with no section warns and does not throw', () => {
    const text =
      'TỈNH ỦY HÀ GIANG\n*\nSố 12-CT/TU\nĐẢNG CỘNG SẢN VIỆT NAM\n' +
      'Hà Giang, ngày 02 tháng 3 năm 2024\nCHỈ THỊ\nvề tăng cường công tác dân vận\n\n' +
      'Trong thời gian qua, công tác dân vận có nhiều chuyển biến.\n';
    const doc = parseText(text).documents[0];
    expect(doc.kind).toBe('CT');
    expect(doc.clauses).toEqual([]);
    expect(doc.warnings.map((w) => w.code)).toContain('missing_section');
  });

  it('one long line, deep parentheses and endless lists stay linear', () => {
    const shapes: ((n: number) => string)[] = [
      (n) => `IV. TỔ CHỨC THỰC HIỆN\n1. ${'các cấp ủy, '.repeat(n)}theo dõi.`,
      (n) => `${'('.repeat(n)}${'Sở Nội vụ '.repeat(n)}`,
      (n) => `Mục tiêu cụ thể\n- ${'giảm 1-1,5%, '.repeat(n)}`,
      (n) => `${'ngày 1 tháng '.repeat(n)}${'- \n'.repeat(n)}`,
      (n) => numbered(n / 10),
      // many small documents, each a letter that carries the next
      (n) =>
        (
          'CÔNG VĂN\nV/v x\nKính gửi: Sở Y tế\nĐề nghị Sở Y tế báo cáo trước ngày 1/1/2025 về ' +
          'Ủy ban nhân dân tỉnh, nội dung dài hơn sáu mươi ký tự.\nNơi nhận:\n- Như trên.\n' +
          'T/M ỦY BAN NHÂN DÂN\nNguyễn Văn A\n'
        ).repeat(n / 20),
      (n) => `${'a'.repeat(n * 10)} ${'Á'.repeat(n * 10)}`,
    ];
    for (const shape of shapes) {
      const small = shape(2_000);
      const large = shape(16_000);
      parseText(small);
      const ratio =
        best(() => parseText(large)) /
        Math.max(
          0.5,
          best(() => parseText(small)),
        );
      // linear ≈ 8; quadratic would be ≈ 64
      expect(ratio).toBeLessThan(30);
    }
  });
});
