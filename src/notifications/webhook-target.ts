import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

// Where a webhook may be posted. The worker posts to URLs an office user typed: without a check
// they could aim it at the service's own neighbours (MySQL, Redis, a cloud metadata endpoint).

/** Never a webhook receiver: "this host", link-local (cloud metadata), multicast, reserved. */
const NEVER = new BlockList();
NEVER.addSubnet('0.0.0.0', 8, 'ipv4');
NEVER.addSubnet('169.254.0.0', 16, 'ipv4');
NEVER.addSubnet('224.0.0.0', 4, 'ipv4');
NEVER.addSubnet('240.0.0.0', 4, 'ipv4');
NEVER.addAddress('::', 'ipv6');
NEVER.addSubnet('fe80::', 10, 'ipv6');
NEVER.addSubnet('ff00::', 8, 'ipv6');

/**
 * Loopback and private networks: refused unless WEBHOOK_ALLOW_PRIVATE_NETWORKS is on (an
 * intranet install whose receivers live on the LAN).
 */
const PRIVATE = new BlockList();
PRIVATE.addSubnet('127.0.0.0', 8, 'ipv4');
PRIVATE.addSubnet('10.0.0.0', 8, 'ipv4');
PRIVATE.addSubnet('172.16.0.0', 12, 'ipv4');
PRIVATE.addSubnet('192.168.0.0', 16, 'ipv4');
PRIVATE.addSubnet('100.64.0.0', 10, 'ipv4');
PRIVATE.addAddress('::1', 'ipv6');
PRIVATE.addSubnet('fc00::', 7, 'ipv6');

export class WebhookTargetError extends Error {
  constructor(
    readonly address: string,
    readonly reason: 'reserved' | 'private' | 'unresolved',
  ) {
    super(`webhook target ${address} refused: ${reason}`);
    this.name = 'WebhookTargetError';
  }
}

/** Why an IP address may not receive webhooks, or null when it may. */
export function refusedAddress(
  address: string,
  allowPrivate: boolean,
): 'reserved' | 'private' | null {
  let ip = address.startsWith('[') ? address.slice(1, -1) : address;
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) ip = mapped[1]!;
  const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  if (isIP(ip) === 0) return 'reserved';
  if (NEVER.check(ip, family)) return 'reserved';
  if (!allowPrivate && PRIVATE.check(ip, family)) return 'private';
  return null;
}

/** Every address the host name resolves to (or the IP literal itself). */
async function addressesOf(hostname: string): Promise<string[]> {
  const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  if (isIP(host) !== 0) return [host];
  return new Promise((resolve, reject) => {
    dnsLookup(host, { all: true, verbatim: true }, (error, found: LookupAddress[]) => {
      if (error) reject(new WebhookTargetError(host, 'unresolved'));
      else resolve(found.map((entry) => entry.address));
    });
  });
}

/** Refuses a URL whose host is, or resolves to, an address webhooks may not reach. */
export async function assertWebhookTarget(url: string, allowPrivate: boolean): Promise<void> {
  const addresses = await addressesOf(new URL(url).hostname);
  for (const address of addresses) {
    const reason = refusedAddress(address, allowPrivate);
    if (reason) throw new WebhookTargetError(address, reason);
  }
}

/**
 * A DNS lookup for the connection itself that refuses forbidden addresses: the address checked
 * is the address connected to, so a name that changes between the check and the connection
 * (DNS rebinding) gains nothing.
 */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true, verbatim: true }, (error, found) => {
      if (error) return callback(error, '', 0);
      const list = found as LookupAddress[];
      for (const entry of list) {
        const reason = refusedAddress(entry.address, allowPrivate);
        if (reason) return callback(new WebhookTargetError(entry.address, reason), '', 0);
      }
      if (options.all) return (callback as unknown as AllCallback)(null, list);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

type AllCallback = (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void;

export interface WebhookPost {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  allowPrivate: boolean;
}

/**
 * POSTs a webhook and resolves with the HTTP status (redirects are not followed: a 3xx is an
 * answer). Rejects when the target is refused, unreachable or too slow.
 */
export async function postWebhook(post: WebhookPost): Promise<number> {
  const target = new URL(post.url);
  // A host name is checked by the connection's own lookup (below); an IP literal is connected
  // to without a lookup, so it is checked here.
  const literal = target.hostname.replace(/^\[|\]$/g, '');
  if (isIP(literal) !== 0) {
    const reason = refusedAddress(literal, post.allowPrivate);
    if (reason) throw new WebhookTargetError(literal, reason);
  }
  const client = target.protocol === 'https:' ? https : http;
  return new Promise<number>((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...post.headers, 'content-length': String(Buffer.byteLength(post.body)) },
        lookup: guardedLookup(post.allowPrivate),
        signal: AbortSignal.timeout(post.timeoutMs),
      },
      (response) => {
        // Only the status matters; the receiver's body is not read.
        resolve(response.statusCode ?? 0);
        response.destroy();
      },
    );
    request.on('error', reject);
    request.end(post.body);
  });
}
