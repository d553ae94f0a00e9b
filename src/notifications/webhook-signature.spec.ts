import { describe, expect, it } from '@jest/globals';
import { signWebhook, verifyWebhook } from './webhook-signature.js';

describe('webhook signature', () => {
  const now = 1_800_000_000;
  const ts = String(now);

  it('verifies what it signed', () => {
    const sig = signWebhook('s3cret', ts, '{"a":1}');
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhook('s3cret', ts, '{"a":1}', sig, now)).toBe(true);
  });

  it('refuses another body, another secret, an old timestamp', () => {
    const sig = signWebhook('s3cret', ts, '{"a":1}');
    expect(verifyWebhook('s3cret', ts, '{"a":2}', sig, now)).toBe(false);
    expect(verifyWebhook('other', ts, '{"a":1}', sig, now)).toBe(false);
    expect(verifyWebhook('s3cret', ts, '{"a":1}', sig, now + 301)).toBe(false);
  });
});
