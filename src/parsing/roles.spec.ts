import { describe, expect, it } from '@jest/globals';
import type { Locality } from './parties.js';
import { analyzeClause, isIntroduction, withoutPurposeOfSending } from './roles.js';

const ctx: Locality = {
  province: 'Hà Giang',
  district: null,
  level: 'province',
  committee: 'Tỉnh ủy',
  asOf: null,
};
const roles = (text: string, inherited: string | null = null) => {
  const r = analyzeClause(text, ctx, inherited);
  const n = (l: { name: string }[]) => l.map((p) => p.name);
  return {
    leads: n(r.leads),
    coordinators: n(r.coordinators),
    reportTo: n(r.reportTo),
    actions: r.actions,
  };
};

describe('roles of a clause', () => {
  it('the subject of the clause leads', () => {
    expect(roles('Ban Tuyên giáo Tỉnh ủy chỉ đạo công tác tuyên truyền.').leads).toEqual([
      'Ban Tuyên giáo Tỉnh ủy Hà Giang',
    ]);
  });

  it.each([
    ['Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tham mưu Ủy ban nhân dân tỉnh.'],
    ['Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tham mưu cho Ủy ban nhân dân tỉnh.'],
    ['Đề nghị Sở Nội vụ chủ trì, phối hợp chặt chẽ với Sở Tài chính, tham mưu UBND tỉnh.'],
    ['Để triển khai, Sở Nội vụ chủ trì, phối hợp Sở Tài chính tham mưu với UBND tỉnh.'],
  ])('lead, coordinator and advised body: %s', (text) => {
    expect(roles(text)).toMatchObject({
      leads: ['Sở Nội vụ tỉnh Hà Giang'],
      coordinators: ['Sở Tài chính tỉnh Hà Giang'],
      reportTo: ['Ủy ban nhân dân tỉnh Hà Giang'],
    });
  });

  it.each([
    ['định kỳ báo cáo Ban Thường vụ Tỉnh ủy', 'Ban Thường vụ Tỉnh ủy Hà Giang'],
    ['tổng hợp, báo cáo về Ủy ban nhân dân tỉnh', 'Ủy ban nhân dân tỉnh Hà Giang'],
    ['báo cáo kết quả lên Tỉnh ủy', 'Tỉnh ủy Hà Giang'],
    ['tham mưu cho Ban Chấp hành Đảng bộ tỉnh', 'Tỉnh ủy Hà Giang'],
    ['gửi về Văn phòng Tỉnh ủy trước ngày 10/10/2024', 'Văn phòng Tỉnh ủy Hà Giang'],
    ['gửi kết quả cho Ban Tổ chức Tỉnh ủy', null],
    ['trình Ủy ban nhân dân tỉnh phê duyệt', 'Ủy ban nhân dân tỉnh Hà Giang'],
  ])('reports to: %s', (tail, body) => {
    expect(roles(`Sở Y tế ${tail}.`).reportTo).toEqual(body ? [body] : []);
  });

  it("does not take the purpose of a sending as the clause's own work", () => {
    expect(
      withoutPurposeOfSending('góp ý và gửi về Ban Dân vận trước ngày 3/12 để tổng hợp báo cáo X'),
    ).toBe('góp ý và gửi về Ban Dân vận trước ngày 3/12');
    const r = roles(
      'Các sở góp ý và gửi về Văn phòng Tỉnh ủy để tổng hợp, báo cáo Ban Thường vụ Tỉnh ủy.',
    );
    expect(r.reportTo).toEqual(['Văn phòng Tỉnh ủy Hà Giang']);
    expect(r.actions).toEqual(['comment']);
  });

  it('finds the subject after an opening phrase', () => {
    expect(
      roles('Trên cơ sở Nghị quyết, Ban cán sự đảng UBND tỉnh chỉ đạo xây dựng kế hoạch.').leads,
    ).toEqual(['Ban cán sự đảng Ủy ban nhân dân tỉnh Hà Giang']);
    expect(roles('Định kỳ hằng năm, Văn phòng Tỉnh ủy tổng hợp, báo cáo.').leads).toEqual([
      'Văn phòng Tỉnh ủy Hà Giang',
    ]);
  });

  it('reads "giúp" as the body assisted', () => {
    expect(roles('Ủy ban Kiểm tra Tỉnh ủy giúp Ban Thường vụ Tỉnh ủy kiểm tra.').reportTo).toEqual([
      'Ban Thường vụ Tỉnh ủy Hà Giang',
    ]);
  });

  it('inherits the subject of the item that introduces it', () => {
    expect(roles('Chủ trì tham mưu xây dựng kế hoạch.', 'Sở Nội vụ:').leads).toEqual([
      'Sở Nội vụ tỉnh Hà Giang',
    ]);
  });

  it('has no lead when none is named', () => {
    expect(roles('Tăng cường công tác kiểm tra, giám sát.').leads).toEqual([]);
  });

  it('masks names before reading actions', () => {
    expect(roles('Ủy ban Kiểm tra Tỉnh ủy chủ trì, tham mưu kiểm tra, giám sát.').actions).toEqual([
      'advise',
      'inspect',
      'supervise',
    ]);
  });

  it('tells an introducing item', () => {
    expect(isIntroduction('Sở Nội vụ')).toBe(true);
    expect(isIntroduction('Ban Tuyên giáo Tỉnh ủy:')).toBe(true);
    expect(isIntroduction('Các cấp ủy thực hiện các nội dung sau:')).toBe(true);
    expect(isIntroduction('Sở Nội vụ chủ trì tham mưu.')).toBe(false);
  });
});
