import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

// The demo loads its own copies of the seeds (a user's clone has no ../shared); they must stay
// the same texts as the test fixtures, which are themselves checked against ../shared.
describe('config/demo seed copies', () => {
  const files = readdirSync(join(process.cwd(), 'config/demo')).filter((f) => f.endsWith('.txt'));

  it('holds both seeds', () => {
    expect(files.sort()).toEqual(['000_95fe18056013d91d.txt', '001_fa2d4705234aec79.txt']);
  });

  it.each(files)('%s equals the test fixture', (file) => {
    expect(readFileSync(join(process.cwd(), 'config/demo', file), 'utf8')).toBe(
      readFileSync(join(process.cwd(), 'test/fixtures/seeds', file), 'utf8'),
    );
  });
});
