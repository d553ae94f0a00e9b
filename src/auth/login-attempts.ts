import { Injectable } from '@nestjs/common';
import { RedisService } from '../common/redis/redis.service.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_SECONDS = 15 * 60;

/**
 * Failed logins per username, in Redis so every replica counts the same. Counted for names
 * that do not exist too: a lock then says nothing about whether an account exists.
 */
@Injectable()
export class LoginAttempts {
  constructor(private readonly redis: RedisService) {}

  private key(username: string): string {
    return this.redis.key(`login-failures:${username.toLowerCase()}`);
  }

  /** Seconds left on the lock, or 0 when the name may try. Redis away: no lock (fail open). */
  async lockedFor(username: string): Promise<number> {
    try {
      const [count, ttl] = await Promise.all([
        this.redis.client.get(this.key(username)),
        this.redis.client.ttl(this.key(username)),
      ]);
      return Number(count ?? 0) >= MAX_FAILED_LOGINS ? Math.max(ttl, 1) : 0;
    } catch {
      return 0;
    }
  }

  async recordFailure(username: string): Promise<void> {
    try {
      const key = this.key(username);
      const count = await this.redis.client.incr(key);
      if (count === 1 || count === MAX_FAILED_LOGINS)
        await this.redis.client.expire(key, LOCK_SECONDS);
    } catch {
      // counted best-effort; the rate limit still bounds guessing
    }
  }

  async clear(username: string): Promise<void> {
    try {
      await this.redis.client.del(this.key(username));
    } catch {
      // nothing to clear
    }
  }
}
