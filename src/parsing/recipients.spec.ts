import { describe, expect, it } from '@jest/globals';
import { normalize, toLines } from './normalize.js';
import type { Locality } from './parties.js';
import { addressees, closingRecipients, recipientsOf } from './recipients.js';

const ctx: Locality = {
  province: 'Lâm Đồng',
  district: 'Đam Rông',
  level: 'district',
  committee: 'Huyện ủy',
  asOf: null,
};
const lines = (t: string) => toLines(normalize(t));

describe('recipients', () => {
  it('reads the "Kính gửi" list, inline or one per line, also across blank lines', () => {
    expect(
      addressees(lines('Kính gửi: - Ủy ban nhân dân huyện,\n- Đảng ủy các xã.\nNội dung'), 0)
        .parties,
    ).toEqual(['Ủy ban nhân dân huyện', 'Đảng ủy các xã']);
    expect(addressees(lines('Kính gửi: Sở Nội vụ, Sở Tài chính.'), 0).parties).toEqual([
      'Sở Nội vụ, Sở Tài chính',
    ]);
    expect(
      addressees(lines('Kính gửi:\n\n- Sở Nội vụ;\n\n- Sở Y tế.\n\nNội dung'), 0).parties,
    ).toEqual(['Sở Nội vụ', 'Sở Y tế']);
  });

  it('reads "Nơi nhận" without copies sent upwards, the file copy and the office\'s own staff', () => {
    const noiNhan = closingRecipients(
      lines(
        'Nội dung.\nNơi nhận:\n- Ban Bí thư TW Đảng (b/c);\n' +
          '- Thường trực Tỉnh ủy (báo cáo),\n- Các đảng đoàn, BCS đảng;\n- Lãnh đạo, chuyên viên VPTU,\n' +
          '- Lưu: VPTU.\nT/M BAN THƯỜNG VỤ',
      ),
    );
    expect(
      recipientsOf([], noiNhan, { ...ctx, level: 'province', committee: 'Tỉnh ủy' }).map(
        (p) => p.name,
      ),
    ).toEqual(['các đảng đoàn', 'các ban cán sự đảng']);
  });

  it('keeps "Kính gửi" first and drops repeats', () => {
    expect(
      recipientsOf(['Ủy ban nhân dân huyện'], ['Như kính gửi', 'UBND huyện'], ctx).map(
        (p) => p.name,
      ),
    ).toEqual(['Ủy ban nhân dân huyện Đam Rông']);
  });
});
