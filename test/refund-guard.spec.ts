import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RefundInProgressError, type RefundGuard } from '../lib/index.js';
import { MemoryRefundGuard } from '../lib/guard/memory-refund.guard.js';
import { NontaxRedis } from '../lib/redis/nontax-redis.js';
import { RedisRefundGuard } from '../lib/redis/redis-refund.guard.js';
import { rejectionOf } from './support/nontax-harness.js';
import {
  REDIS_URL,
  dropPrefix,
  keysUnder,
  testPrefix,
} from './support/redis.js';

const prefix = testPrefix('guard');
let client: Redis;
beforeAll(() => {
  client = new Redis(REDIS_URL);
  // The "dying" holder's failed renewals would log an outage.
  Logger.overrideLogger(false);
});
afterAll(async () => {
  await dropPrefix(prefix);
  client.disconnect();
});

const guards: [string, () => RefundGuard][] = [
  ['memory', () => new MemoryRefundGuard()],
  [
    'redis',
    () =>
      new RedisRefundGuard(
        new NontaxRedis(client, prefix, 1000, false),
        60_000,
      ),
  ],
];

describe.each(guards)('the %s refund guard', (_, makeGuard) => {
  let guard: RefundGuard;
  let order_id: string;
  const partial = (refund_out_id: string) => ({
    appid: 'wx1',
    order_id,
    refund_out_id,
  });
  const full = () => ({ appid: 'wx1', order_id });

  beforeEach(() => {
    guard = makeGuard();
    order_id = `O-${Math.random().toString(36).slice(2)}`;
  });

  it('refuses the same partial refund while it is in flight', async () => {
    const release = await guard.acquire(partial('R-1'));
    const error = await rejectionOf(guard.acquire(partial('R-1')));
    expect(error).toBeInstanceOf(RefundInProgressError);
    expect((error as RefundInProgressError).httpStatus).toBe(409);
    expect(error.message).toContain(order_id);
    await release();
    await (
      await guard.acquire(partial('R-1'))
    )();
  });

  it('lets different partial refunds of one order run together', async () => {
    const one = await guard.acquire(partial('R-1'));
    const two = await guard.acquire(partial('R-2'));
    await one();
    await two();
  });

  it('locks the whole order for a full refund', async () => {
    const release = await guard.acquire(full());
    expect(await rejectionOf(guard.acquire(partial('R-1')))).toBeInstanceOf(
      RefundInProgressError,
    );
    expect(await rejectionOf(guard.acquire(full()))).toBeInstanceOf(
      RefundInProgressError,
    );
    await release();
    await (
      await guard.acquire(partial('R-1'))
    )();
  });

  it('refuses a full refund while a partial one runs', async () => {
    const release = await guard.acquire(partial('R-1'));
    expect(await rejectionOf(guard.acquire(full()))).toBeInstanceOf(
      RefundInProgressError,
    );
    await release();
    await (
      await guard.acquire(full())
    )();
  });

  it('keeps other orders apart', async () => {
    const release = await guard.acquire(full());
    await (
      await guard.acquire({ appid: 'wx1', order_id: `${order_id}-other` })
    )();
    await release();
  });
});

describe('the redis refund guard', () => {
  it('frees a hold by itself when its holder dies', async () => {
    const dying = new Redis(REDIS_URL);
    const holder = new RedisRefundGuard(
      new NontaxRedis(dying, prefix, 1000, false),
      150,
    );
    const guard = new RedisRefundGuard(
      new NontaxRedis(client, prefix, 1000, false),
      150,
    );
    const target = { appid: 'wx1', order_id: 'O-expiring', refund_out_id: 'R' };
    const release = await holder.acquire(target);
    dying.disconnect(); // the process "died": no renewal, no release
    expect(await rejectionOf(guard.acquire(target))).toBeInstanceOf(
      RefundInProgressError,
    );
    await new Promise((resolve) => setTimeout(resolve, 250));
    await (
      await guard.acquire(target)
    )();
    await release(); // stops the dead holder's renewal timer
  });

  it('renews a hold while its call runs past the TTL', async () => {
    const guard = new RedisRefundGuard(
      new NontaxRedis(client, prefix, 1000, false),
      150,
    );
    const target = { appid: 'wx1', order_id: 'O-long', refund_out_id: 'R' };
    const release = await guard.acquire(target);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await rejectionOf(guard.acquire(target))).toBeInstanceOf(
      RefundInProgressError,
    );
    await release();
    await (
      await guard.acquire(target)
    )();
  });

  it('leaves no key behind once released', async () => {
    const redis = new NontaxRedis(client, prefix, 1000, false);
    const guard = new RedisRefundGuard(redis, 60_000);
    await (
      await guard.acquire({ appid: 'wx9', order_id: 'O-clean' })
    )();
    expect(await keysUnder(`${prefix}refund:wx9:`)).toEqual([]);
  });
});
