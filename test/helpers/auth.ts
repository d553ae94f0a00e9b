import type { TestApp } from './test-app.js';

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'demo12345';

/** Logs in through the API and returns the bearer token. */
export async function login(
  t: TestApp,
  username: string,
  password = DEMO_PASSWORD,
): Promise<string> {
  const response = await t.api('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) {
    throw new Error(`login ${username} failed: ${response.status} ${await response.text()}`);
  }
  return ((await response.json()) as { accessToken: string }).accessToken;
}

export function bearer(token: string, extra: Record<string, string> = {}): Record<string, string> {
  return { authorization: `Bearer ${token}`, ...extra };
}

/** JSON request with a token. */
export function authed(token: string, method: string, body?: unknown): RequestInit {
  return {
    method,
    headers: bearer(token, body === undefined ? {} : { 'content-type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}

let counter = 0;
/** A name no other test of this run uses. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${process.pid.toString(36)}${counter}`;
}
