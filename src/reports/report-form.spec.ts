import { describe, expect, it } from '@jest/globals';
import { formToReportFields } from './report-form.js';

describe('formToReportFields', () => {
  it('turns the text of percent and indicators into their JSON shapes', () => {
    expect(
      formToReportFields({
        percent: ' 40 ',
        narrative: 'Nội dung',
        indicators: '[{"targetId":"t1","value":3}]',
      }),
    ).toEqual({ percent: 40, narrative: 'Nội dung', indicators: [{ targetId: 't1', value: 3 }] });
  });

  it('leaves what does not convert as sent, for the validator to name', () => {
    expect(formToReportFields({ percent: 'bốn mươi', indicators: 'not json' })).toEqual({
      percent: 'bốn mươi',
      indicators: 'not json',
    });
    expect(formToReportFields({ percent: '12.5' })).toEqual({ percent: 12.5 });
  });

  it('keeps a JSON part the multipart parser already decoded', () => {
    const indicators = [{ targetId: 't1', value: 1 }];
    expect(formToReportFields({ indicators })).toEqual({ indicators });
  });
});
