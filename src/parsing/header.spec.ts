import { describe, expect, it } from '@jest/globals';
import { extractHeader, kindFromNumber, normalizeNumber } from './header.js';
import { normalize, toLines } from './normalize.js';

const header = (text: string) => extractHeader(toLines(normalize(text)));

describe('header metadata', () => {
  it('reads a party letter', () => {
    const h = header(
      'HUYỆN ỦY ĐAM RÔNG\nBAN DÂN VẬN\n*\nSố 29 -CV/BDVHU\n\nV/v góp ý vào dự thảo\n' +
        'Nghị quyết của Tỉnh ủy\n\nĐẢNG CỘNG SẢN VIỆT NAM\nĐam Rông, ngày 5 tháng 11 năm 2021\n\n' +
        'Kính gửi: Ủy ban nhân dân huyện',
    );
    expect(h).toMatchObject({
      kind: 'CV',
      number: '29-CV/BDVHU',
      issuerLines: ['HUYỆN ỦY ĐAM RÔNG', 'BAN DÂN VẬN'],
      issuedOn: '2021-11-05',
      place: 'Đam Rông',
      title: 'V/v góp ý vào dự thảo Nghị quyết của Tỉnh ủy',
      isDraft: false,
    });
  });

  it('reads a state decision with the motto between the issuer lines', () => {
    const h = header(
      'ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HÀ GIANG\n' +
        'Độc lập - Tự do - Hạnh phúc\nSố: 1234/QĐ-UBND\nHà Giang, ngày 20 tháng 6 năm 2024\n\n' +
        'QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch thực hiện Chỉ thị số 12-CT/TU\n\n' +
        'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ GIANG\nCăn cứ Luật Tổ chức chính quyền địa phương;',
    );
    expect(h).toMatchObject({
      kind: 'QD',
      number: '1234/QĐ-UBND',
      issuerLines: ['ỦY BAN NHÂN DÂN', 'TỈNH HÀ GIANG'],
      issuedOn: '2024-06-20',
      place: 'Hà Giang',
      title: 'Về việc ban hành Kế hoạch thực hiện Chỉ thị số 12-CT/TU',
    });
  });

  it('ends the title where the body starts without a blank line', () => {
    const h = header(
      'KẾT LUẬN\nvề tình hình giảm nghèo năm 2022\nTại hội nghị ngày 15/02/2023, sau khi ' +
        'nghe báo cáo của Ban cán sự đảng, Ban Thường vụ Tỉnh ủy kết luận\nnhư sau:',
    );
    expect(h.title).toBe('về tình hình giảm nghèo năm 2022');
  });

  it('reads the draft marker, the kind and the issuer under the kind', () => {
    expect(
      header('**DỰ THẢO:****NGHỊ QUYẾT**\n**Về công tác dân vận**\n\nI. TÌNH HÌNH'),
    ).toMatchObject({ kind: 'NQ', isDraft: true, title: 'Về công tác dân vận' });
    expect(header('(Dự thảo 2)\nKẾ HOẠCH\nthực hiện Nghị quyết\n\nI. MỤC ĐÍCH')).toMatchObject({
      kind: 'KH',
      isDraft: true,
      title: 'thực hiện Nghị quyết',
    });
    expect(
      header(
        'NGHỊ QUYẾT\nCỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH\nvề giảm nghèo\ngiai đoạn 2021 - 2025\n\nI- THỰC TRẠNG',
      ),
    ).toMatchObject({
      kind: 'NQ',
      issuerInTitle: 'BAN CHẤP HÀNH ĐẢNG BỘ TỈNH',
      title: 'về giảm nghèo giai đoạn 2021 - 2025',
    });
  });

  it("reads the digital signature stamp and skips the receiving office's stamp", () => {
    const h = header(
      'Ký bởi: Tỉnh ủy Lâm Đồng\nNgày ký: 23.11.2021 17:27:28 -07:00\n\nTỈNH ỦY LÂM ĐỒNG\n*\n' +
        'Số 1055 - CV/TU\nGóp ý dự thảo nghị quyết\n\nHUYỆN ỦY ĐAM RÔNG\nVĂN PHÒNG\nSố:.....\n' +
        'Ngày đến .....\nKính gửi: - Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy',
    );
    expect(h).toMatchObject({
      number: '1055-CV/TU',
      issuedOn: null,
      signatureDate: '2021-11-23',
      issuerLines: ['TỈNH ỦY LÂM ĐỒNG'],
      title: 'Góp ý dự thảo nghị quyết',
    });
  });

  it('reads the signature block', () => {
    const h = header('NGHỊ QUYẾT\nvề X\n\nI. A\nNội dung.\nNơi nhận:\n- Lưu.\nT/M TỈNH ỦY\nBÍ THƯ');
    expect(h).toMatchObject({ signed: true, issuerInSignature: 'TỈNH ỦY' });
  });

  it.each([
    ['1055 - CV/TU', '1055-CV/TU', 'CV'],
    ['29 -CV/BDVHU', '29-CV/BDVHU', 'CV'],
    ['05 –CT/TW', '05-CT/TW', 'CT'],
    ['123/QĐ-UBND', '123/QĐ-UBND', 'QD'],
    ['45/KH-UBND', '45/KH-UBND', 'KH'],
    ['09/2019/NQ-HĐND', '09/2019/NQ-HĐND', 'NQ'],
    ['2456/UBND-VX', '2456/UBND-VX', 'CV'],
    ['12-CTr/TU', '12-CTr/TU', 'CTR'],
    ['7-TTr/TU', '7-TTr/TU', 'TTR'],
  ])('number %s → %s (%s)', (raw, number, kind) => {
    expect(normalizeNumber(raw)).toBe(number);
    expect(kindFromNumber(number)).toBe(kind);
  });
});
