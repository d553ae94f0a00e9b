import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jsonBody, startTestApp, type TestApp } from '../helpers/test-app.js';
import { SampleModule } from './sample.controller.js';

interface ErrorShape {
  statusCode: number;
  error: string;
  message: string;
  messageEn: string;
  requestId: string;
  fields?: { field: string; message: string; messageEn: string }[];
}

function expectErrorShape(body: ErrorShape, status: number): void {
  expect(body.statusCode).toBe(status);
  expect(typeof body.error).toBe('string');
  expect(body.message.length).toBeGreaterThan(0);
  expect(body.messageEn.length).toBeGreaterThan(0);
  expect(body.message).not.toBe(body.messageEn);
  expect(body.requestId).toBeTruthy();
}

describe('error shape', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ extraModules: [SampleModule] });
  });
  afterAll(() => t.close());

  it('accepts a valid body and transforms it', async () => {
    const response = await t.api('/test-sample', jsonBody({ title: 'Kế hoạch', percent: 40 }));
    expect(response.status).toBe(201);
    await expect(response.json()).resolves.toEqual({ title: 'Kế hoạch', percent: 40 });
  });

  it('answers 400 naming each invalid field in Vietnamese and English', async () => {
    const response = await t.api(
      '/test-sample',
      jsonBody({ title: 'x'.repeat(21), percent: 140, cadence: 'weekly', items: [{ name: 3 }] }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorShape;
    expectErrorShape(body, 400);
    expect(body.fields?.map((f) => f.field).sort()).toEqual(
      ['cadence', 'items.0.name', 'percent', 'title'].sort(),
    );
    const percent = body.fields?.find((f) => f.field === 'percent');
    expect(percent?.message).toBe('Trường "percent" không được lớn hơn 100.');
    expect(percent?.messageEn).toBe('percent must not be greater than 100');
    expect(body.fields?.find((f) => f.field === 'cadence')?.message).toContain(
      'monthly, quarterly',
    );
    expect(body.message).toContain('percent');
  });

  it('names a missing required field', async () => {
    const response = await t.api('/test-sample', jsonBody({ title: 'a' }));
    const body = (await response.json()) as ErrorShape;
    expect(response.status).toBe(400);
    expect(body.fields?.some((f) => f.field === 'percent' && /số nguyên/.test(f.message))).toBe(
      true,
    );
  });

  it('refuses a field the DTO does not declare', async () => {
    const response = await t.api('/test-sample', jsonBody({ title: 'a', percent: 1, admin: true }));
    const body = (await response.json()) as ErrorShape;
    expect(response.status).toBe(400);
    expect(body.fields).toEqual([
      expect.objectContaining({ field: 'admin', messageEn: 'property admin should not exist' }),
    ]);
  });

  it('answers 400 in the same shape for malformed JSON', async () => {
    const response = await t.api('/test-sample', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"title": ',
    });
    expect(response.status).toBe(400);
    expectErrorShape((await response.json()) as ErrorShape, 400);
  });

  it('answers 404 in the same shape for an unknown route', async () => {
    const response = await t.api('/no-such-route');
    expect(response.status).toBe(404);
    const body = (await response.json()) as ErrorShape;
    expectErrorShape(body, 404);
    expect(body.message).toBe('Không tìm thấy địa chỉ hoặc đối tượng yêu cầu.');
  });

  it('answers 413 in the same shape for a body over the limit', async () => {
    const response = await t.api(
      '/test-sample',
      jsonBody({ title: 'a', percent: 1, pad: 'x'.repeat(2 * 1024 * 1024) }),
    );
    expect(response.status).toBe(413);
    const body = (await response.json()) as ErrorShape;
    expectErrorShape(body, 413);
    expect(body.message).toContain('quá lớn');
  });

  it('answers 415 in the same shape for a content type it does not read', async () => {
    const response = await t.api('/test-sample', {
      method: 'POST',
      headers: { 'content-type': 'application/x-unknown' },
      body: 'title=a',
    });
    expect(response.status).toBe(415);
    expectErrorShape((await response.json()) as ErrorShape, 415);
  });
});

describe('rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A prefix of its own, so hits from other tests of this run do not count here.
    t = await startTestApp({
      env: { THROTTLE_LIMIT: '3', QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_rl` },
      extraModules: [SampleModule],
    });
  });
  afterAll(() => t.close());

  it('answers 429 in the error shape once a client passes the limit, counted in Redis', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const response = await t.api('/test-sample', jsonBody({ title: 'a', percent: 1 }));
      statuses.push(response.status);
      if (response.status === 429) {
        const body = (await response.json()) as ErrorShape;
        expectErrorShape(body, 429);
        expect(body.message).toContain('quá nhiều');
      }
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
  });
});
