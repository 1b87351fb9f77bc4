import {
  RefundInProgressError,
  type NontaxModuleOptions,
} from '../lib/index.js';
import { WechatSimulator } from '../lib/testing/index.js';
import {
  newOrder,
  startInstance,
  type NontaxInstance,
} from './support/nontax-harness.js';
import { REDIS_URL, dropPrefix, testPrefix } from './support/redis.js';

describe('several instances sharing one Redis', () => {
  let simulator: WechatSimulator;
  let instances: NontaxInstance[];
  let prefix: string;

  const start = async (
    count: number,
    options: Partial<NontaxModuleOptions>,
  ) => {
    instances = await Promise.all(
      Array.from({ length: count }, () => startInstance(simulator, options)),
    );
  };
  // Tokens and the guard only: no getorder before partial refunds.
  const shared = (): Partial<NontaxModuleOptions> => ({
    tokenMode: 'classic',
    refundableCheck: 'off',
    redis: { url: REDIS_URL, keyPrefix: prefix },
  });
  const tokenFetches = () => simulator.requestsTo('/cgi-bin/token').length;
  const refundPosts = () => simulator.requestsTo('/nontax/refund').length;
  const partial = (order_id: string, id: string) => ({
    order_id,
    reason: 'several instances',
    refund_fee: 10,
    refund_out_id: id,
  });

  beforeEach(async () => {
    prefix = testPrefix('multi');
    simulator = await WechatSimulator.start({ classicOverlapSeconds: 0 });
    instances = [];
  });
  afterEach(async () => {
    await Promise.all(instances.map((i) => i.close()));
    await simulator.close();
    await dropPrefix(prefix);
  });

  it('fetches one classic token for 30 refunds over 3 instances', async () => {
    await start(3, shared());
    const order_id = newOrder(simulator);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        instances[n % 3].refunds.refund(partial(order_id, `M-${n}`)),
      ),
    );
    expect(results.every((r) => r.status === 'accepted')).toBe(true);
    expect(tokenFetches()).toBe(1);
    // A 40001 would have cost a second post for that refund.
    expect(refundPosts()).toBe(30);
    expect(simulator.ledger).toHaveLength(30);
  });

  it('without Redis, classic instances kill each other’s tokens', async () => {
    await start(2, { tokenMode: 'classic', refundableCheck: 'off' });
    const order_id = newOrder(simulator);
    const [a, b] = instances;
    await a.refunds.refund(partial(order_id, 'S-1'));
    await b.refunds.refund(partial(order_id, 'S-2'));
    await a.refunds.refund(partial(order_id, 'S-3'));
    // a's cached token was killed by b's fetch: refused, fetched, resent.
    expect(refundPosts()).toBe(4);
    expect(tokenFetches()).toBe(3);
    expect(simulator.ledger).toHaveLength(3);
  });

  it('with Redis, the same classic instances share one token', async () => {
    await start(2, shared());
    const order_id = newOrder(simulator);
    const [a, b] = instances;
    await a.refunds.refund(partial(order_id, 'S-1'));
    await b.refunds.refund(partial(order_id, 'S-2'));
    await a.refunds.refund(partial(order_id, 'S-3'));
    expect(refundPosts()).toBe(3);
    expect(tokenFetches()).toBe(1);
  });

  it('sends the same partial refund once when two instances get it', async () => {
    await start(2, shared());
    const order_id = newOrder(simulator);
    await instances[0].refunds.refund(partial(order_id, 'warm-up'));
    simulator.clearRecords();
    simulator.fail('/nontax/refund', { type: 'delay', ms: 200 });
    const outcomes = await Promise.allSettled(
      instances.map((i) => i.refunds.refund(partial(order_id, 'SAME'))),
    );
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const reason = (refused[0] as PromiseRejectedResult).reason;
    expect(reason).toBeInstanceOf(RefundInProgressError);
    expect(reason.httpStatus).toBe(409);
    expect(refundPosts()).toBe(1);
  });

  it('lets a refund through again once the first has finished', async () => {
    await start(2, shared());
    const order_id = newOrder(simulator);
    await instances[0].refunds.refund(partial(order_id, 'AGAIN'));
    // Same fee and id: the simulator treats it as the same refund.
    await instances[1].refunds.refund(partial(order_id, 'AGAIN'));
    expect(refundPosts()).toBe(2);
    expect(simulator.ledger).toHaveLength(1);
  });
});
