// What a clause asks its bodies to do, as verbs of a small vocabulary, in the order the text
// says them. Names of bodies are masked first ("Ủy ban Kiểm tra" is not "kiểm tra").

interface Rule {
  action: string;
  re: RegExp;
  /** the match only counts when this holds for the text right after it */
  then?: (after: string) => boolean;
  /** ... or for the text right before it */
  unless?: (before: string) => boolean;
}

const EVENT =
  /^\s*(?:các\s+)?(?:hội nghị|hội thảo|tọa đàm|lễ|hội thi|cuộc thi|diễn đàn|đối thoại|tập huấn|lớp|phong trào|đợt|chiến dịch|buổi|cuộc|hội diễn|liên hoan|triển lãm)(?![\p{L}])/iu;

const RULES: Rule[] = [
  {
    action: 'disseminate',
    re: /quán triệt|phổ biến|học tập(?=\s+(?:nghị quyết|chỉ thị|kết luận))/giu,
  },
  { action: 'institutionalize', re: /cụ thể hóa|thể chế hóa/giu },
  {
    action: 'plan',
    re: /(?:xây dựng|ban hành|lập|đề ra)\s+(?:chương trình,\s+|chương trình hành động(?:,|\s+và)\s+)?(?:kế hoạch|chương trình hành động|chương trình)/giu,
  },
  // directing is "chỉ đạo" + the body directed; "chỉ đạo cụ thể hóa" leads the work itself
  {
    action: 'direct',
    re: /chỉ đạo|lãnh đạo/giu,
    then: (a) => /^\s*(?:(?:,\s*chỉ đạo\s+)?(?:các\s|⟦))/u.test(a),
  },
  { action: 'propagate', re: /tuyên truyền/giu },
  { action: 'mobilize', re: /vận động/giu },
  { action: 'monitor', re: /theo dõi/giu },
  { action: 'inspect', re: /kiểm tra/giu },
  { action: 'supervise', re: /giám sát/giu },
  { action: 'urge', re: /đôn đốc/giu },
  { action: 'advise', re: /tham mưu/giu },
  { action: 'guide', re: /hướng dẫn/giu },
  { action: 'evaluate', re: /đánh giá/giu },
  {
    action: 'review',
    re: /sơ kết|tổng kết/giu,
    unless: (b) => /(?:hội nghị|hội thảo|tọa đàm|báo cáo)\s*$/iu.test(b),
  },
  {
    action: 'report',
    re: /báo cáo/giu,
    unless: (b) => /(?:\(|chế độ|tổng hợp,?\s+tiếp thu,?\s*)\s*$/iu.test(b),
    then: (a) => !/^\s*\)/.test(a),
  },
  { action: 'comment', re: /góp ý|cho ý kiến|tham gia ý kiến/giu },
  { action: 'organize', re: /tổ chức/giu, then: (a) => EVENT.test(a) },
];

/** text: the clause with the names of bodies replaced by ⟦…⟧ */
export function findActions(masked: string): string[] {
  const hits: { at: number; action: string }[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(masked); m; m = rule.re.exec(masked)) {
      const before = masked.slice(Math.max(0, m.index - 40), m.index);
      const after = masked.slice(m.index + m[0].length, m.index + m[0].length + 60);
      if (/[\p{L}]$/u.test(before) && !/\s$/.test(before)) continue;
      if (rule.then && !rule.then(after)) continue;
      if (rule.unless && rule.unless(before)) continue;
      hits.push({ at: m.index, action: rule.action });
      break;
    }
  }
  hits.sort((a, b) => a.at - b.at);
  return hits.map((h) => h.action);
}
