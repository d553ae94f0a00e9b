import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

describe('GET /api/v1/health', () => {
  describe('with the database and Redis up', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('answers 200 with db and redis up', async () => {
      const response = await t.api('/health');
      expect(response.status).toBe(200);
      await expect(response.json()).resolves.toEqual({
        status: 'ok',
        db: 'up',
        redis: 'up',
        outbox: { pending: expect.any(Number), oldestSeconds: expect.any(Number) },
      });
    });

    it('gives every response a request id, echoing a sane one the caller sent', async () => {
      const generated = await t.api('/health');
      expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const echoed = await t.api('/health', { headers: { 'x-request-id': 'abc-123' } });
      expect(echoed.headers.get('x-request-id')).toBe('abc-123');
      const replaced = await t.api('/health', {
        headers: { 'x-request-id': 'bad id with spaces' },
      });
      expect(replaced.headers.get('x-request-id')).not.toBe('bad id with spaces');
    });

    it('serves the OpenAPI document and Swagger UI', async () => {
      const json = await fetch(`${t.baseUrl}/docs-json`);
      expect(json.status).toBe(200);
      const doc = (await json.json()) as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/api/v1/health', '/metrics']),
      );
      const ui = await fetch(`${t.baseUrl}/docs`);
      expect(ui.status).toBe(200);
      expect(await ui.text()).toContain('swagger');
    });

    it('exposes Prometheus metrics with HTTP latency and queue depths', async () => {
      await t.api('/health');
      const response = await fetch(`${t.baseUrl}/metrics`);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).toMatch(/http_request_duration_seconds_bucket\{.*route="\/api\/v1\/health"/);
      expect(text).toMatch(/queue_jobs\{queue="system",state="waiting"\} \d+/);
      expect(text).toContain('dondoc_process_resident_memory_bytes');
    });

    it('sets the security headers of helmet', async () => {
      const response = await t.api('/health');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    });
  });

  describe('with Redis unreachable', () => {
    let t: TestApp;
    beforeAll(async () => {
      // Port 1 on loopback: nothing listens there, so the connection is refused at once.
      t = await startTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    });
    afterAll(() => t.close());

    it('answers 200 degraded naming redis as down while the database is up', async () => {
      const response = await t.api('/health');
      expect(response.status).toBe(200);
      await expect(response.json()).resolves.toMatchObject({
        status: 'degraded',
        db: 'up',
        redis: 'down',
        outbox: { pending: expect.any(Number) },
      });
    });
  });
});
