import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../../src/parsing/index.js';
import { compareToExample } from './compare-example.js';

const fixtures = join(process.cwd(), 'test/fixtures');
const seeds = readdirSync(join(fixtures, 'seeds')).filter((f) => f.endsWith('.txt'));

describe('seed examples (contracts/examples)', () => {
  it('has both seeds', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(2);
  });

  for (const file of seeds) {
    const id = file.replace(/\.txt$/, '');
    it(`${id} matches its expected result field by field`, () => {
      const text = readFileSync(join(fixtures, 'seeds', file), 'utf8');
      const expected = JSON.parse(
        readFileSync(join(fixtures, 'examples', `${id}.expected.json`), 'utf8'),
      );
      expect(compareToExample(expected, parseText(text))).toEqual([]);
    });
  }
});

describe('the comparator', () => {
  it('ignores added fields and compares warnings by code', () => {
    const expected = { a: [{ x: 1 }], warnings: [{ code: 'c', message: 'm' }] };
    const actual = {
      a: [{ x: 1, extra: true }],
      warnings: [{ code: 'c', message: 'other' }],
      b: 2,
    };
    expect(compareToExample(expected, actual)).toEqual([]);
  });

  it('reports a different value, a missing element and an extra one', () => {
    expect(compareToExample({ a: [1, 2] }, { a: [1, 3] })).toEqual(['$.a[1]: 3, expected 2']);
    expect(compareToExample({ a: [1] }, { a: [1, 2] })).toHaveLength(1);
    expect(compareToExample({ w: [{ code: 'x' }] }, { w: [{ code: 'y' }] })).toHaveLength(1);
  });
});

// The tests read the copies under test/fixtures; when the shared folder is next to the repo,
// the copies must still equal it.
const shared = join(process.cwd(), '..', 'shared');
const describeShared = existsSync(shared) ? describe : describe.skip;
describeShared('fixture copies equal ../shared', () => {
  const pairs: [string, string][] = [
    ['parse-result.schema.json', 'contracts/parse-result.schema.json'],
    ...seeds.map((f): [string, string] => [`seeds/${f}`, `seeds/${f}`]),
    ...seeds.map((f): [string, string] => [
      `examples/${f.replace(/\.txt$/, '.expected.json')}`,
      `contracts/examples/${f.replace(/\.txt$/, '.expected.json')}`,
    ]),
  ];
  for (const [copy, original] of pairs) {
    it(copy, () => {
      expect(readFileSync(join(fixtures, copy), 'utf8')).toBe(
        readFileSync(join(shared, original), 'utf8'),
      );
    });
  }
});
