import { describe, expect, it } from '@jest/globals';
import { PhraseSet, tokenize } from './tokens.js';

describe('tokens', () => {
  it('splits words and punctuation with offsets and case', () => {
    const t = tokenize('Sở LĐTB&XH, tỉnh');
    expect(t.map((x) => [x.w, x.start, x.cap, x.caps])).toEqual([
      ['Sở', 0, true, false],
      ['LĐTB', 3, true, true],
      ['&', 7, false, false],
      ['XH', 8, true, true],
      [',', 10, false, false],
      ['tỉnh', 12, false, false],
    ]);
  });

  it('matches the longest phrase, case-insensitively', () => {
    const set = new PhraseSet(['ban', 'ban tuyên giáo', 'ban tuyên giáo và dân vận']);
    const t = tokenize('Ban Tuyên giáo và Dân vận Tỉnh ủy');
    expect(set.match(t, 0)).toEqual({ end: 6, index: 2 });
    expect(set.match(t, 6)).toBeNull();
  });
});
