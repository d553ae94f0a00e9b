import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('applies the defaults of API.md', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      DATABASE_URL: 'mysql://root@127.0.0.1:3306/dondoc',
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: 'dondoc',
      PORT: 3000,
      TZ_APP: 'Asia/Ho_Chi_Minh',
      ALLOW_CLOCK_OVERRIDE: false,
      DEMO_PASSWORD: 'demo12345',
    });
    expect(config.databaseName).toBe('dondoc');
  });

  it('converts numbers and booleans from their text', () => {
    const config = loadConfig({ PORT: '8080', ALLOW_CLOCK_OVERRIDE: 'true' });
    expect(config.PORT).toBe(8080);
    expect(config.ALLOW_CLOCK_OVERRIDE).toBe(true);
  });

  it.each([
    ['DATABASE_URL', 'postgres://localhost/x'],
    ['DATABASE_URL', 'mysql://host/'],
    ['REDIS_URL', 'localhost:6379'],
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['ALLOW_CLOCK_OVERRIDE', 'maybe'],
    ['NODE_ENV', 'staging'],
    ['QUEUE_PREFIX', 'has space'],
    ['TZ_APP', 'Hanoi'],
  ])('names %s when it is %p', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^.*: ${variable} `));
  });

  it('requires a long JWT_SECRET in production only', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    const prod = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) });
    expect(prod.jwtSecret).toBe('x'.repeat(32));
    expect(loadConfig({ NODE_ENV: 'demo' }).jwtSecret).toContain('demo');
  });
});
