import { createHmac, timingSafeEqual } from 'node:crypto';

// Receivers check `X-Dondoc-Signature: sha256=<hex>` over "<timestamp>.<body>" with their
// secret, and reject a timestamp too far from now, so a captured delivery cannot be replayed.

export const SIGNATURE_HEADER = 'x-dondoc-signature';
export const TIMESTAMP_HEADER = 'x-dondoc-timestamp';
export const DELIVERY_HEADER = 'x-dondoc-delivery';

export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function verifyWebhook(
  secret: string,
  timestamp: string,
  body: string,
  signature: string,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = 300,
): boolean {
  const ts = Number(timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
