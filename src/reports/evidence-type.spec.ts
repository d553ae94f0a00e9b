import { describe, expect, it } from '@jest/globals';
import { evidenceTypeOf } from './evidence-type.js';

describe('evidenceTypeOf', () => {
  it('accepts pdf, docx, xlsx, jpg and png with their canonical media type', () => {
    expect(evidenceTypeOf({ ext: 'pdf', mime: 'application/pdf' })).toEqual({
      ext: 'pdf',
      mime: 'application/pdf',
    });
    expect(evidenceTypeOf({ ext: 'jpg', mime: 'image/jpeg' })?.mime).toBe('image/jpeg');
    expect(evidenceTypeOf({ ext: 'png', mime: 'image/png' })?.mime).toBe('image/png');
    expect(evidenceTypeOf({ ext: 'docx', mime: 'x' })?.mime).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(evidenceTypeOf({ ext: 'xlsx', mime: 'x' })?.mime).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it('refuses executables, archives, macro documents and unknown content', () => {
    expect(evidenceTypeOf({ ext: 'exe', mime: 'application/x-msdownload' })).toBeNull();
    expect(evidenceTypeOf({ ext: 'zip', mime: 'application/zip' })).toBeNull();
    expect(evidenceTypeOf({ ext: 'docm', mime: 'application/vnd.ms-word' })).toBeNull();
    expect(evidenceTypeOf({ ext: 'gif', mime: 'image/gif' })).toBeNull();
    expect(evidenceTypeOf(undefined)).toBeNull();
  });
});
