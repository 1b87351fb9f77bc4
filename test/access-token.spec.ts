import { AccessTokenError, WechatApiError } from '../lib/index.js';
import {
  newOrder,
  rejectionOf,
  startHarness,
  type NontaxHarness,
} from './support/nontax-harness.js';

type Mode = 'stable' | 'classic';
const TOKEN_PATH: Record<Mode, '/cgi-bin/stable_token' | '/cgi-bin/token'> = {
  stable: '/cgi-bin/stable_token',
  classic: '/cgi-bin/token',
};

describe.each<Mode>(['stable', 'classic'])('%s access tokens', (mode) => {
  let h: NontaxHarness;
  const tokenFetches = () => h.simulator.requestsTo(TOKEN_PATH[mode]).length;
  const refundPosts = () => h.simulator.requestsTo('/nontax/refund');
  const partial = (order_id: string, n: number) => ({
    order_id,
    reason: 'concurrent',
    refund_fee: 10,
    refund_out_id: `C-${n}`,
  });

  beforeEach(async () => {
    // Only refund posts here: no getorder before partial refunds.
    h = await startHarness({ tokenMode: mode, refundableCheck: 'off' });
  });
  afterEach(() => h.close());

  it('fetches once for 20 concurrent refunds on a cold cache', async () => {
    const order_id = newOrder(h.simulator);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        h.refunds.refund(partial(order_id, n)),
      ),
    );
    expect(results).toHaveLength(20);
    expect(tokenFetches()).toBe(1);
    expect(refundPosts()).toHaveLength(20);
    expect(h.simulator.ledger).toHaveLength(20);
  });

  it('reuses the cached token for later refunds', async () => {
    const order_id = newOrder(h.simulator);
    await h.refunds.refund(partial(order_id, 1));
    await h.refunds.refund(partial(order_id, 2));
    expect(tokenFetches()).toBe(1);
  });

  it('after 42001 refetches once and retries once', async () => {
    const order_id = newOrder(h.simulator);
    await h.refunds.refund(partial(order_id, 1));
    h.simulator.clearRecords();
    h.simulator.expireAllTokens();
    await h.refunds.refund(partial(order_id, 2));
    const posts = refundPosts();
    expect(posts).toHaveLength(2);
    expect(tokenFetches()).toBe(1);
    expect(posts[0].query.access_token).not.toBe(posts[1].query.access_token);
    // clearRecords() emptied the ledger: only the retried refund is there.
    expect(h.simulator.ledger).toHaveLength(1);
  });

  it('gives up after one retry when the token stays refused', async () => {
    const order_id = newOrder(h.simulator);
    h.simulator.fail('/nontax/refund', { type: 'errcode', errcode: 40001 }, 5);
    const error = await rejectionOf(h.refunds.refund(partial(order_id, 1)));
    expect(error).toBeInstanceOf(WechatApiError);
    expect((error as WechatApiError).errcode).toBe(40001);
    expect(refundPosts()).toHaveLength(2);
    expect(tokenFetches()).toBe(2);
    expect(h.simulator.ledger).toHaveLength(0);
  });

  it.each([40014, 41001, 42001])(
    'retries once after errcode %i',
    async (errcode) => {
      const order_id = newOrder(h.simulator);
      h.simulator.fail('/nontax/refund', { type: 'errcode', errcode });
      await h.refunds.refund(partial(order_id, 1));
      expect(refundPosts()).toHaveLength(2);
      expect(h.simulator.ledger).toHaveLength(1);
    },
  );

  it.each([40164, 40125, 40013, 45009])(
    'sends no refund when the token fetch answers %i, and caches nothing',
    async (errcode) => {
      const order_id = newOrder(h.simulator);
      h.simulator.fail(TOKEN_PATH[mode], {
        type: 'errcode',
        errcode,
        errmsg: 'invalid ip 203.0.113.9, not in whitelist',
      });
      const error = await rejectionOf(h.refunds.refund(partial(order_id, 1)));
      expect(error).toBeInstanceOf(AccessTokenError);
      expect((error as AccessTokenError).errcode).toBe(errcode);
      expect((error as AccessTokenError).rid).toEqual(expect.any(String));
      expect(refundPosts()).toHaveLength(0);
      await h.refunds.refund(partial(order_id, 2));
      expect(tokenFetches()).toBe(2);
      expect(refundPosts()).toHaveLength(1);
    },
  );

  it.each([
    ['an HTML 502', { type: 'html502' as const }],
    ['a dropped connection', { type: 'drop' as const }],
  ])('reports %s on the token fetch as AccessTokenError', async (_, fault) => {
    const order_id = newOrder(h.simulator);
    h.simulator.fail(TOKEN_PATH[mode], fault);
    const error = await rejectionOf(h.refunds.refund(partial(order_id, 1)));
    expect(error).toBeInstanceOf(AccessTokenError);
    expect(error.message).toContain(TOKEN_PATH[mode]);
    expect(refundPosts()).toHaveLength(0);
  });
});

describe('the token lifetime', () => {
  let h: NontaxHarness;
  afterEach(() => h.close());

  it('expires a token early by the margin, counted before the fetch', async () => {
    // A 2 s token with a 1 s margin is usable for 1 s.
    h = await startHarness(
      { tokenRefreshMarginSeconds: 1 },
      { tokenTtlSeconds: 2 },
    );
    const order_id = newOrder(h.simulator);
    const refund = (n: number) =>
      h.refunds.refund({
        order_id,
        reason: 'r',
        refund_fee: 1,
        refund_out_id: `L-${n}`,
      });
    await refund(1);
    await refund(2);
    expect(h.simulator.requestsTo('/cgi-bin/stable_token')).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await refund(3);
    expect(h.simulator.requestsTo('/cgi-bin/stable_token')).toHaveLength(2);
  });
});
