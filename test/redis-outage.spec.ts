import { setTimeout as sleep } from 'node:timers/promises';
import { RedisUnavailableError } from '../lib/index.js';
import { WechatSimulator } from '../lib/testing/index.js';
import {
  newOrder,
  rejectionOf,
  startInstance,
  type NontaxInstance,
} from './support/nontax-harness.js';
import { OwnRedis } from './support/own-redis.js';

describe('when Redis goes away and comes back', () => {
  const redis = new OwnRedis();
  let simulator: WechatSimulator;
  let instance: NontaxInstance;
  let n = 0;
  const refund = (order_id: string) =>
    instance.refunds.refund({
      order_id,
      reason: 'outage',
      refund_fee: 1,
      refund_out_id: `O-${n++}`,
    });

  beforeAll(async () => {
    await redis.start();
    simulator = await WechatSimulator.start();
    instance = await startInstance(simulator, {
      redis: { url: redis.url, commandTimeout: 300 },
    });
  });
  afterAll(async () => {
    await instance.close();
    await simulator.close();
    await redis.stop();
  });

  it('fails fast while it is down, then works again unrestarted', async () => {
    const order_id = newOrder(simulator);
    await refund(order_id);
    await redis.stop();
    const postsBefore = simulator.requestsTo('/nontax/refund').length;

    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const error = await rejectionOf(refund(order_id));
      expect(error).toBeInstanceOf(RedisUnavailableError);
      expect((error as RedisUnavailableError).httpStatus).toBe(503);
      expect(Date.now() - started).toBeLessThan(1000);
    }
    expect(simulator.requestsTo('/nontax/refund')).toHaveLength(postsBefore);
    const outageLines = instance.logger.lines.filter((l) =>
      l.includes('Redis did not answer'),
    );
    expect(outageLines).toHaveLength(1);

    await redis.start();
    const deadline = Date.now() + 10_000;
    let result: unknown;
    while (!result && Date.now() < deadline) {
      result = await refund(order_id).catch(() => undefined);
      if (!result) await sleep(200);
    }
    expect(result).toMatchObject({ status: 'accepted' });
    expect(instance.logger.text()).toContain('Redis answers again');
  });

  it('fails within the command timeout while Redis hangs', async () => {
    const order_id = newOrder(simulator);
    await refund(order_id);
    redis.pause();
    try {
      const started = Date.now();
      const error = await rejectionOf(refund(order_id));
      expect(error).toBeInstanceOf(RedisUnavailableError);
      expect(error.message).toContain('within 300 ms');
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      redis.resume();
    }
    await sleep(100);
    await expect(refund(order_id)).resolves.toMatchObject({
      status: 'accepted',
    });
  });

  it('starts and closes within bounds while Redis is frozen', async () => {
    redis.pause();
    try {
      let started = Date.now();
      const frozen = await startInstance(simulator, {
        redis: { url: redis.url, commandTimeout: 300 },
      });
      expect(Date.now() - started).toBeLessThan(2000);
      const error = await rejectionOf(
        frozen.refunds.refund({ order_id: newOrder(simulator), reason: 'r' }),
      );
      expect(error).toBeInstanceOf(RedisUnavailableError);
      started = Date.now();
      await frozen.close();
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      redis.resume();
    }
  });
});
