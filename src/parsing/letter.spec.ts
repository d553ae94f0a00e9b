import { describe, expect, it } from '@jest/globals';
import { findRequests } from './letter.js';
import { normalize, toLines } from './normalize.js';

const requests = (text: string) => {
  const source = normalize(text);
  return findRequests(source, toLines(source), 0).map((r) => ({
    text: r.text,
    verb: r.text.slice(r.verbAt, r.verbAt + 7),
    slice: source.slice(r.start, r.end),
  }));
};

describe('requests of a letter', () => {
  it('takes the sentence with the request, from the part that holds it', () => {
    const r = requests(
      'Ngày 2/3/2024, Sở X có Công văn số 1 "về việc A"; Thường trực gửi tới các đồng chí ' +
        'dự thảo, đề nghị các đồng chí góp ý trước ngày 6/3/2024. Trân trọng.',
    );
    expect(r.map((x) => x.text)).toEqual([
      'Thường trực gửi tới các đồng chí dự thảo, đề nghị các đồng chí góp ý trước ngày 6/3/2024.',
    ]);
    expect(r[0].slice).toBe(r[0].text);
  });

  it.each([
    'Kính đề nghị các đơn vị báo cáo trước ngày 10/10/2024.',
    'Đề nghị các đơn vị báo cáo trước ngày 10/10/2024.',
    'Yêu cầu các đơn vị báo cáo trước ngày 10/10/2024.',
    'Ủy ban nhân dân tỉnh giao Sở Nội vụ báo cáo trước ngày 10/10/2024.',
  ])('%s', (text) => {
    expect(requests(text).map((x) => x.text)).toEqual([text]);
  });

  it('leaves out courtesy closings', () => {
    expect(requests('Kính đề nghị các đồng chí quan tâm, phối hợp thực hiện.')).toEqual([]);
    expect(requests('Đề nghị các đơn vị nghiêm túc thực hiện./.')).toEqual([]);
  });

  it('reads a paragraph wrapped over several lines as one', () => {
    expect(
      requests('Đề nghị các đơn vị góp ý\nvà gửi về Sở Nội vụ trước ngày 1/4/2024.').map(
        (x) => x.text,
      ),
    ).toEqual(['Đề nghị các đơn vị góp ý và gửi về Sở Nội vụ trước ngày 1/4/2024.']);
  });

  it('stops at the closing block', () => {
    expect(requests('Nơi nhận:\n- Đề nghị X làm.')).toEqual([]);
  });
});
