import { describe, expect, it } from '@jest/globals';
import { evictionPolicyVerdict } from './redis-policy.js';

describe('evictionPolicyVerdict', () => {
  it('accepts noeviction everywhere', () => {
    expect(evictionPolicyVerdict('noeviction', 'production').level).toBe('ok');
  });

  it('refuses an evicting Redis in production, warns elsewhere', () => {
    expect(evictionPolicyVerdict('allkeys-lru', 'production')).toMatchObject({
      level: 'refuse',
      message: expect.stringContaining('CONFIG SET maxmemory-policy noeviction'),
    });
    expect(evictionPolicyVerdict('allkeys-lru', 'demo').level).toBe('warn');
    expect(evictionPolicyVerdict('volatile-lru', 'test').level).toBe('warn');
  });

  it('warns when the policy cannot be read (managed Redis without CONFIG)', () => {
    expect(evictionPolicyVerdict(null, 'production').level).toBe('warn');
  });
});
