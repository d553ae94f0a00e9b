import { describe, expect, it } from '@jest/globals';
import { findActions } from './actions.js';

describe('findActions', () => {
  it.each([
    [
      'tổ chức triển khai, quán triệt Nghị quyết; xây dựng chương trình, kế hoạch cụ thể',
      ['disseminate', 'plan'],
    ],
    [
      'chỉ đạo cụ thể hóa Nghị quyết. Chỉ đạo các ngành triển khai và kiểm tra, đôn đốc',
      ['institutionalize', 'direct', 'inspect', 'urge'],
    ],
    ['có kế hoạch tuyên truyền việc triển khai', ['propagate']],
    [
      'theo dõi, kiểm tra, đôn đốc, sơ kết, tổng kết và định kỳ báo cáo ⟦··⟧',
      ['monitor', 'inspect', 'urge', 'review', 'report'],
    ],
    ['tham mưu cho ⟦··⟧ tổ chức Hội thảo tổng kết lý luận', ['advise', 'organize']],
    ['nghiên cứu, góp ý bằng văn bản và gửi về ⟦··⟧', ['comment']],
    ['cho ý kiến vào dự thảo', ['comment']],
    ['hướng dẫn, đánh giá kết quả', ['guide', 'evaluate']],
    ['thể chế hóa Nghị quyết và tăng cường giám sát', ['institutionalize', 'supervise']],
    ['ban hành kế hoạch thực hiện', ['plan']],
    ['tổ chức hội nghị quán triệt', ['organize', 'disseminate']],
    ['lãnh đạo ⟦··⟧ vận động nhân dân', ['direct', 'mobilize']],
    ['lãnh đạo, chỉ đạo ⟦··⟧ rà soát', ['direct']],
  ])('%s', (text, expected) => {
    expect(findActions(text)).toEqual(expected);
  });

  it('does not read "chỉ đạo, điều hành" or "(báo cáo)" as acts', () => {
    expect(findActions('trong lãnh đạo, chỉ đạo, điều hành')).toEqual([]);
    expect(findActions('gửi Ban Bí thư (báo cáo)')).toEqual([]);
  });
});
