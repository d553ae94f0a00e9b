import { Redis } from 'ioredis';

/** Removes this run's Redis keys; the database stays for a look after a failed run. */
export default async function globalTeardown() {
  const prefix = process.env.QUEUE_PREFIX;
  if (!prefix?.startsWith('dondoc_test_')) return;
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
