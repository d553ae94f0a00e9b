import { describe, expect, it } from '@jest/globals';
import { normalize } from './normalize.js';
import { splitDocuments } from './split-documents.js';

const firstLines = (text: string) =>
  splitDocuments(normalize(text)).map((d) => d.lines.find((l) => l.text)?.text);

describe('splitDocuments', () => {
  const letter =
    'HUYỆN ỦY X\nBAN DÂN VẬN\n*\nSố 1-CV/BDVHU\nX, ngày 1 tháng 2 năm 2024\n' +
    'Kính gửi: các chi bộ\nKính đề nghị các chi bộ góp ý và gửi về Ban Dân vận trước ngày 10/2/2024 để tổng hợp.\n' +
    'Nơi nhận:\n- Như kính gửi,\n- Lưu BDV.\nTRƯỞNG BAN\n\nNguyễn Văn A\n';

  it('cuts after the closing block at the next header', () => {
    const text =
      `${letter}\nKý bởi: Tỉnh ủy X\nNgày ký: 01.02.2024\nTỈNH ỦY X\n*\nSố 2-CV/TU\n` +
      'Kính gửi: các đồng chí\nĐề nghị các đồng chí góp ý dài dòng hơn sáu mươi ký tự để tính là thân văn bản.\n' +
      'Nơi nhận:\n- Như trên.\nT/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG\nTrần Văn B\n\n' +
      'DỰ THẢO: NGHỊ QUYẾT\nvề X\nI. MỤC TIÊU\nNội dung.\n';
    expect(firstLines(text)).toEqual(['HUYỆN ỦY X', 'Ký bởi: Tỉnh ủy X', 'DỰ THẢO: NGHỊ QUYẾT']);
  });

  it('starts a document at an issuer followed by its header', () => {
    const text = `${letter}\nỦY BAN NHÂN DÂN\nTỈNH X\nSố: 5/KH-UBND\nKẾ HOẠCH\nnội dung\n`;
    expect(firstLines(text)).toEqual(['HUYỆN ỦY X', 'ỦY BAN NHÂN DÂN']);
  });

  it('keeps an appendix after the signature in its document', () => {
    const text = `${letter}\nPhụ lục kèm theo danh sách các chi bộ và thời hạn báo cáo.\n`;
    expect(firstLines(text)).toEqual(['HUYỆN ỦY X']);
  });

  it('gives one document for a text with no closing block', () => {
    expect(splitDocuments('').length).toBe(1);
    expect(splitDocuments('Một đoạn văn.\nHai.').length).toBe(1);
  });
});
