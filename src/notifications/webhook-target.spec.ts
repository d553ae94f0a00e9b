import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postWebhook, refusedAddress, WebhookTargetError } from './webhook-target.js';

describe('refusedAddress', () => {
  it.each([
    ['169.254.169.254', 'reserved'],
    ['0.0.0.0', 'reserved'],
    ['224.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['::', 'reserved'],
    ['fe80::1', 'reserved'],
    ['ff02::1', 'reserved'],
    ['127.0.0.1', 'private'],
    ['127.8.9.10', 'private'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['::1', 'private'],
    ['fd00::1', 'private'],
    ['::ffff:127.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'reserved'],
    ['[::1]', 'private'],
  ])('%s is %s', (address, reason) => {
    expect(refusedAddress(address, false)).toBe(reason);
  });

  it.each(['8.8.8.8', '172.32.0.1', '172.15.255.255', '203.113.131.1', '2001:db8::1'])(
    '%s is public',
    (address) => {
      expect(refusedAddress(address, false)).toBeNull();
    },
  );

  it('allows loopback and private networks when the install says so, never the reserved', () => {
    expect(refusedAddress('10.0.0.5', true)).toBeNull();
    expect(refusedAddress('127.0.0.1', true)).toBeNull();
    expect(refusedAddress('169.254.169.254', true)).toBe('reserved');
    expect(refusedAddress('không phải địa chỉ', true)).toBe('reserved');
  });
});

describe('postWebhook', () => {
  let server: Server;
  let port: number;
  const received: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push(`${request.method} ${request.url} ${body}`);
        response.writeHead(request.url === '/moved' ? 302 : 204, { location: '/elsewhere' });
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const post = (url: string, allowPrivate: boolean) =>
    postWebhook({
      url,
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
      timeoutMs: 2000,
      allowPrivate,
    });

  it('refuses a loopback receiver, by IP or by a name that resolves to it, sending nothing', async () => {
    for (const host of ['127.0.0.1', 'localhost', '[::ffff:127.0.0.1]']) {
      await expect(post(`http://${host}:${port}/hook`, false)).rejects.toBeInstanceOf(
        WebhookTargetError,
      );
    }
    expect(received).toEqual([]);
  });

  it('posts when private networks are allowed, and answers a redirect with its status', async () => {
    await expect(post(`http://localhost:${port}/hook`, true)).resolves.toBe(204);
    await expect(post(`http://127.0.0.1:${port}/moved`, true)).resolves.toBe(302);
    expect(received).toEqual(['POST /hook {"a":1}', 'POST /moved {"a":1}']);
  });
});
