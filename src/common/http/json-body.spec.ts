import { describe, expect, it } from '@jest/globals';
import { AppError } from '../errors/app-error.js';
import { MAX_JSON_DEPTH, parseJsonBody } from './json-body.js';

/** The fields a refusal names (throws if the body was accepted). */
function refusedFields(raw: Buffer | string): string[] {
  try {
    parseJsonBody(Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8'));
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).getStatus()).toBe(400);
    return ((error as AppError).fields ?? []).map((f) => f.field);
  }
  throw new Error('accepted');
}

describe('parseJsonBody', () => {
  it('parses ordinary JSON, Vietnamese text, a BOM and emoji as JSON.parse does', () => {
    const body = { name: 'Ban Tuyên giáo', items: [{ a: 1 }], emoji: '📄', tab: 'a\tb\nc' };
    expect(parseJsonBody(Buffer.from(JSON.stringify(body)))).toEqual(body);
    expect(parseJsonBody(Buffer.from(`\uFEFF${JSON.stringify(body)}`))).toEqual(body);
    expect(parseJsonBody(Buffer.from('"\\ud83d\\udcc4"'))).toBe('📄');
    expect(parseJsonBody(Buffer.from('null'))).toBeNull();
  });

  it('names the field whose bytes are not UTF-8', () => {
    const raw = Buffer.concat([
      Buffer.from('{"ok":"x","name":"Ab'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('","list":["a","b'),
      Buffer.from([0xc3]),
      Buffer.from('"]}'),
    ]);
    expect(refusedFields(raw)).toEqual(expect.arrayContaining(['name', 'list.1']));
    expect(refusedFields(raw)).not.toContain('ok');
  });

  it('names the body when bytes that are not UTF-8 leave no JSON', () => {
    expect(refusedFields(Buffer.from([0xff, 0xfe, 0x00, 0x7b]))).toEqual(['body']);
  });

  it('names NUL characters and lone surrogates, in values and in keys', () => {
    expect(refusedFields('{"a":{"b":"x\\u0000y"}}')).toEqual(['a.b']);
    expect(refusedFields('{"a":["ok","\\ud800"]}')).toEqual(['a.1']);
    expect(refusedFields('{"a":"\\udc00x"}')).toEqual(['a']);
    expect(refusedFields('{"k\\u0000":1}')).toEqual(['k\u0000']);
    expect(refusedFields('"\\u0000"')).toEqual(['body']);
  });

  it('names keys that every object already has, and prototype', () => {
    expect(refusedFields('{"__proto__":{"admin":true}}')).toEqual(['__proto__']);
    expect(refusedFields('{"x":{"constructor":{"prototype":{}}}}')).toEqual(['x.constructor']);
    // No DTO has them, and validation used to drop them unseen: the request went through.
    for (const key of ['constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(refusedFields(`{"a":1,"${key}":"x"}`)).toEqual([key]);
    }
    expect(parseJsonBody(Buffer.from('{"name":"toString"}'))).toEqual({ name: 'toString' });
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels, however deep, without overflowing`, () => {
    const ok = `{"a":${'['.repeat(MAX_JSON_DEPTH - 1)}${']'.repeat(MAX_JSON_DEPTH - 1)}}`;
    expect(() => parseJsonBody(Buffer.from(ok))).not.toThrow();
    for (const depth of [MAX_JSON_DEPTH, 100_000]) {
      const deep = `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      const fields = refusedFields(deep);
      expect(fields).toHaveLength(1);
      expect(fields[0]).toMatch(/^a(\.0)+$/);
    }
  });

  it('names the body when it is empty or not JSON', () => {
    expect(refusedFields('')).toEqual(['body']);
    expect(refusedFields('{"a":')).toEqual(['body']);
    expect(refusedFields("{'a':1}")).toEqual(['body']);
  });
});
