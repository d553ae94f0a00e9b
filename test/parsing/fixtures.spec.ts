// Further documents of the kinds offices receive (see the header comment of each: composed in
// the official format), each held to its hand-checked expected result.

import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../../src/parsing/index.js';
import { compareToExample } from './compare-example.js';

const dir = join(process.cwd(), 'test/fixtures/documents');
const sources = readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f));

describe('fixture documents', () => {
  it('has at least five documents of different kinds', () => {
    const kinds = new Set(
      sources.map(
        (f) =>
          JSON.parse(readFileSync(join(dir, f.replace(/\.(txt|md)$/, '.expected.json')), 'utf8'))
            .documents[0].kind,
      ),
    );
    expect(sources.length).toBeGreaterThanOrEqual(5);
    expect(kinds.size).toBeGreaterThanOrEqual(4);
  });

  for (const file of sources) {
    it(file, () => {
      const expected = JSON.parse(
        readFileSync(join(dir, file.replace(/\.(txt|md)$/, '.expected.json')), 'utf8'),
      );
      const actual = parseText(readFileSync(join(dir, file), 'utf8'));
      expect(compareToExample(expected, actual)).toEqual([]);
    });
  }
});
