import { Redis } from 'ioredis';
import { AccessTokenError } from '../lib/index.js';
import { NontaxRedis } from '../lib/redis/nontax-redis.js';
import { RedisTokenFetchLock } from '../lib/redis/redis-token-fetch.lock.js';
import { WechatSimulator } from '../lib/testing/index.js';
import {
  newOrder,
  rejectionOf,
  startInstance,
} from './support/nontax-harness.js';
import { REDIS_URL, dropPrefix, testPrefix } from './support/redis.js';

describe('the Redis token-fetch lock', () => {
  const prefix = testPrefix('lock');
  let client: Redis;
  let lock: RedisTokenFetchLock;

  beforeAll(() => {
    client = new Redis(REDIS_URL);
    lock = new RedisTokenFetchLock(
      new NontaxRedis(client, prefix, 1000, false),
    );
  });
  afterAll(async () => {
    await dropPrefix(prefix);
    client.disconnect();
  });

  it('is held by one at a time', async () => {
    const release = await lock.tryAcquire('stable:wx1', 5000);
    expect(release).toBeDefined();
    expect(await lock.tryAcquire('stable:wx1', 5000)).toBeUndefined();
    await release!();
    const again = await lock.tryAcquire('stable:wx1', 5000);
    expect(again).toBeDefined();
    await again!();
  });

  it('is released only by its owner', async () => {
    const first = await lock.tryAcquire('stable:wx2', 100);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const second = await lock.tryAcquire('stable:wx2', 5000);
    expect(second).toBeDefined();
    await first!(); // late: must not free the second holder's lock
    expect(await lock.tryAcquire('stable:wx2', 5000)).toBeUndefined();
    await second!();
  });

  it('makes a waiting instance give up with a clear error', async () => {
    const simulator = await WechatSimulator.start();
    const instance = await startInstance(simulator, {
      redis: { url: REDIS_URL, keyPrefix: prefix },
      tokenLockWaitMs: 300,
    });
    try {
      // Another instance took the lock and never stored a token.
      await client.set(
        `${prefix}token-lock:stable:${'wx6cc9648de104270d'}`,
        'someone-else',
        'PX',
        10_000,
      );
      const started = Date.now();
      const error = await rejectionOf(
        instance.refunds.refund({
          order_id: newOrder(simulator),
          reason: 'waiting',
        }),
      );
      expect(error).toBeInstanceOf(AccessTokenError);
      expect(error.message).toContain('within 300 ms');
      expect(Date.now() - started).toBeLessThan(1500);
      expect(simulator.requests).toHaveLength(0);
    } finally {
      await instance.close();
      await simulator.close();
    }
  });
});
