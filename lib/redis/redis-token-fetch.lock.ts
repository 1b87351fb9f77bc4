import { randomUUID } from 'node:crypto';
import type {
  ReleaseLock,
  TokenFetchLock,
} from '../token/token-fetch-lock.interface.js';
import type { NontaxRedis } from './nontax-redis.js';

// Only the owner may release: a lock that expired and was taken by another
// instance must not be deleted by the first one finishing late.
const RELEASE_IF_OWNER = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

/** A set-if-absent lock with expiry per token key, across instances. */
export class RedisTokenFetchLock implements TokenFetchLock {
  constructor(private readonly redis: NontaxRedis) {}

  async tryAcquire(
    key: string,
    ttlMs: number,
  ): Promise<ReleaseLock | undefined> {
    const lockKey = this.redis.key('token-lock', key);
    const owner = randomUUID();
    const taken = await this.redis.run('token lock', (c) =>
      c.set(lockKey, owner, 'PX', Math.ceil(ttlMs), 'NX'),
    );
    if (taken !== 'OK') return undefined;
    return async () => {
      await this.redis
        .run('token unlock', (c) => c.eval(RELEASE_IF_OWNER, 1, lockKey, owner))
        .catch(() => undefined); // it expires on its own
    };
  }
}
