// One file may hold several documents: a cover letter, the letter it forwards, the draft
// resolution. A document ends with its closing block (Nơi nhận, the signature: "T/M", the
// signer's title and name); whatever header follows starts the next one. A digital-signature
// stamp ("Ký bởi: ...") is printed at the top of the document it signs.

import { type Line, toLines } from './normalize.js';
import { isAllCaps } from './text-util.js';

export interface DocumentSpan {
  start: number;
  end: number;
  lines: Line[];
}

export const NOI_NHAN = /^Nơi nhận\s*:?/iu;
export const SIGNATURE = /^(?:T\/M|TM|K\/T|KT|T\/L|TL|TUQ|Q|T\.M|K\.T|T\.L)\.?\s+\p{Lu}/u;
export const MOTTO =
  /^(?:ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc)(?![\p{L}])/iu;
export const STAMP = /^(?:Ký bởi|Người ký)\s*:/iu;
export const KIND_TITLE =
  /^(?:(?:DỰ THẢO|\(DỰ THẢO\))\s*:?\s*)?(NGHỊ QUYẾT|CHỈ THỊ|CHƯƠNG TRÌNH(?: HÀNH ĐỘNG)?|KẾT LUẬN|KẾ HOẠCH|QUYẾT ĐỊNH|HƯỚNG DẪN|THÔNG BÁO(?: KẾT LUẬN)?|BÁO CÁO|QUY CHẾ|QUY ĐỊNH|TỜ TRÌNH|CÔNG ĐIỆN|CÔNG VĂN|ĐỀ ÁN)(?:\s*\(DỰ THẢO\))?\s*:?$/u;
export const ORG_HEAD =
  /^(?:TỈNH ỦY|THÀNH ỦY|HUYỆN ỦY|QUẬN ỦY|THỊ ỦY|ĐẢNG ỦY|ĐẢNG BỘ|CHI BỘ|BAN|ỦY BAN|UBND|HĐND|HỘI ĐỒNG|SỞ|PHÒNG|VĂN PHÒNG|MẶT TRẬN|MTTQ|BỘ|CỤC|CHI CỤC|CÔNG AN|ĐOÀN|HỘI|TRUNG TÂM|LIÊN ĐOÀN|TỔNG|TRƯỜNG|BẢO HIỂM|KHO BẠC|NGÂN HÀNG|THANH TRA|ĐẢNG ĐOÀN|BAN CÁN SỰ)(?![\p{L}])/u;
const ROLE_WORDS =
  /^(?:PHÓ |Q\. ?)?(?:BÍ THƯ|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG PHÒNG|CHỦ NHIỆM|THỦ TRƯỞNG|TỔNG BIÊN TẬP|HIỆU TRƯỞNG|CỤC TRƯỞNG|CHI CỤC TRƯỞNG|CHÁNH THANH TRA|THƯỜNG TRỰC|TRƯỞNG ĐOÀN|KT\.|TL\.)(?![\p{L}])/u;
const PERSON = /^(?:\p{Lu}\p{Ll}*\s){1,4}\p{Lu}\p{Ll}*$/u;

function closingLine(t: string): boolean {
  return (
    t === '' ||
    /^[-+•]/.test(t) ||
    /^Lưu\b/iu.test(t) ||
    /^Như (?:trên|kính gửi)/iu.test(t) ||
    SIGNATURE.test(t) ||
    NOI_NHAN.test(t) ||
    /^\(?(?:đã ký|ký tên|ký, ghi rõ)/iu.test(t) ||
    (isAllCaps(t) && ROLE_WORDS.test(t)) ||
    (PERSON.test(t) && !ORG_HEAD.test(t.toUpperCase()))
  );
}

function startsDocument(lines: Line[], i: number): boolean {
  const t = lines[i].text;
  if (STAMP.test(t) || MOTTO.test(t) || KIND_TITLE.test(t) || /^DỰ THẢO\b/u.test(t)) return true;
  if (isAllCaps(t) && ORG_HEAD.test(t)) {
    for (let k = i + 1; k < Math.min(lines.length, i + 10); k++) {
      const n = lines[k].text;
      if (
        MOTTO.test(n) ||
        /^Số\b/u.test(n) ||
        KIND_TITLE.test(n) ||
        /ngày .{1,4} tháng/iu.test(n)
      ) {
        return true;
      }
    }
  }
  return false;
}

export function splitDocuments(text: string): DocumentSpan[] {
  const lines = toLines(text);
  const starts: number[] = [0];
  let closing = false;
  let bodyLines = 0;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text;
    if (!closing) {
      if (t.length > 60) bodyLines++;
      if ((NOI_NHAN.test(t) || SIGNATURE.test(t)) && bodyLines > 0) closing = true;
      continue;
    }
    if (startsDocument(lines, i)) {
      starts.push(i);
      closing = false;
      bodyLines = 0;
      continue;
    }
    if (closingLine(t)) continue;
    // text after a signature that opens no document belongs to the same one (an appendix)
    closing = false;
  }
  const spans: DocumentSpan[] = [];
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k];
    const to = k + 1 < starts.length ? starts[k + 1] : lines.length;
    const docLines = lines.slice(from, to);
    const start = docLines[0]?.start ?? 0;
    const end = docLines.length ? docLines[docLines.length - 1].end : start;
    spans.push({ start, end, lines: docLines });
  }
  return spans;
}
