import type { FactoryProvider } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { NontaxConfigError } from '../errors/nontax-config.error.js';
import { NONTAX_OPTIONS, NONTAX_REDIS } from '../nontax.constants.js';
import type { ResolvedNontaxOptions } from '../options/resolve-options.js';
import { NontaxRedis } from './nontax-redis.js';

type RedisSettings = NonNullable<ResolvedNontaxOptions['redis']>;

/** The module's Redis handle, or `null` when no `redis` option is set. */
export const nontaxRedisProvider: FactoryProvider<NontaxRedis | null> = {
  provide: NONTAX_REDIS,
  useFactory: (options: ResolvedNontaxOptions) =>
    options.redis ? connect(options.redis) : null,
  inject: [NONTAX_OPTIONS],
};

async function connect(redis: RedisSettings): Promise<NontaxRedis> {
  const { keyPrefix, commandTimeout } = redis;
  if (redis.client) {
    return new NontaxRedis(redis.client, keyPrefix, commandTimeout, false);
  }
  const { Redis } = await loadIoredis();
  // No offline queue: while Redis is down, commands fail at once instead
  // of piling up and running late, after their callers gave up.
  const client = new Redis(redis.url as string, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: commandTimeout * 2,
  });
  // NontaxRedis reports outages, once each; this keeps ioredis quiet.
  client.on('error', () => undefined);
  // A Redis that is down, or frozen, at start-up is retried in the
  // background; start-up waits for it a bounded time only.
  await Promise.race([
    client.connect().catch(() => undefined),
    sleep(commandTimeout * 2),
  ]);
  return new NontaxRedis(client, keyPrefix, commandTimeout, true);
}

type RedisClass = (typeof import('ioredis'))['Redis'];

async function loadIoredis(): Promise<{ Redis: RedisClass }> {
  try {
    const { Redis } = await import('ioredis');
    return { Redis };
  } catch {
    throw new NontaxConfigError(
      'redis.url',
      'needs the ioredis package: npm install ioredis',
    );
  }
}
