import {
  AppidNotConfiguredError,
  InvalidRefundRequestError,
  RefundService,
  WechatApiError,
} from '../lib/index.js';
import { EXAMPLE_APPID, EXAMPLE_ORDER_ID } from '../lib/testing/index.js';
import {
  newOrder,
  rejectionOf,
  startHarness,
  type NontaxHarness,
} from './support/nontax-harness.js';

const REASON = '线上线下重复缴费,解档票据号为DA01651861';

describe('RefundService.refund against the simulator', () => {
  let h: NontaxHarness;
  let refunds: RefundService;

  beforeEach(async () => {
    h = await startHarness();
    refunds = h.refunds;
  });
  afterEach(() => h.close());

  it('refunds the docs example order in full', async () => {
    const result = await refunds.refund({
      appid: EXAMPLE_APPID,
      order_id: EXAMPLE_ORDER_ID,
      reason: REASON,
    });
    expect(result).toMatchObject({
      status: 'accepted',
      kind: 'full',
      appid: EXAMPLE_APPID,
      order_id: EXAMPLE_ORDER_ID,
    });
    expect(result.refund_order_id).toEqual(
      h.simulator.ledger[0].refund_order_id,
    );
    expect(result.rid).toEqual(expect.any(String));
    expect(h.simulator.ledger).toHaveLength(1);
    expect(h.simulator.order(EXAMPLE_APPID, EXAMPLE_ORDER_ID)?.status).toBe(6);
  });

  it('sends exactly the allow-listed fields, appid defaulted', async () => {
    const order_id = newOrder(h.simulator);
    const request = {
      order_id,
      reason: 'partial',
      refund_fee: 2500,
      refund_out_id: 'R-1',
    };
    const result = await refunds.refund(request);
    const [post] = h.simulator.requestsTo('/nontax/refund');
    expect(post.body).toStrictEqual({
      appid: EXAMPLE_APPID,
      order_id,
      reason: 'partial',
      refund_fee: 2500,
      refund_out_id: 'R-1',
    });
    expect(result).toMatchObject({
      kind: 'partial',
      refund_fee: 2500,
      refund_out_id: 'R-1',
    });
  });

  it.each([['refundFee'], ['extra']])(
    'refuses an unknown key %s rather than refund in full',
    async (key) => {
      const order_id = newOrder(h.simulator);
      const request = { order_id, reason: 'r', [key]: 100 };
      const error = await rejectionOf(
        refunds.refund(request as Parameters<RefundService['refund']>[0]),
      );
      expect(error).toBeInstanceOf(InvalidRefundRequestError);
      expect(error.message).toContain(key);
      expect(h.simulator.requests).toHaveLength(0);
    },
  );

  it('sends what it validated, whatever the caller changes later', async () => {
    const order_id = newOrder(h.simulator);
    let reads = 0;
    const request = {
      order_id,
      reason: 'r',
      refund_out_id: 'G-1',
      get refund_fee() {
        return reads++ === 0 ? 100 : 9999;
      },
    };
    const pending = refunds.refund(request);
    Object.assign(request, { order_id: 'other', refund_out_id: 'changed' });
    await pending;
    const [post] = h.simulator.requestsTo('/nontax/refund');
    expect(post.body).toMatchObject({
      order_id,
      refund_fee: 100,
      refund_out_id: 'G-1',
    });
    expect(h.simulator.ledger[0].refund_fee).toBe(100);
  });

  it('ignores inherited fields', async () => {
    const order_id = newOrder(h.simulator);
    const request = Object.assign(
      Object.create({ refund_fee: 5, refund_out_id: 'P' }) as object,
      { order_id, reason: 'full, not 5 fen' },
    );
    const result = await refunds.refund(request as never);
    expect(result.kind).toBe('full');
    const [post] = h.simulator.requestsTo('/nontax/refund');
    expect(Object.keys(post.body as object).sort()).toEqual([
      'appid',
      'order_id',
      'reason',
    ]);
  });

  it('sends a full refund without null or undefined keys', async () => {
    const order_id = newOrder(h.simulator);
    await refunds.refund({ order_id, reason: 'all of it' });
    const [post] = h.simulator.requestsTo('/nontax/refund');
    expect(Object.keys(post.body as object).sort()).toEqual([
      'appid',
      'order_id',
      'reason',
    ]);
  });

  it('refunds partly until nothing is left, then keeps the errcode', async () => {
    // Without the local check, WeChat itself refuses the second refund.
    await h.close();
    h = await startHarness({ refundableCheck: 'off' });
    refunds = h.refunds;
    const order_id = newOrder(h.simulator, 1000);
    await refunds.refund({
      order_id,
      reason: 'first',
      refund_fee: 600,
      refund_out_id: 'P-1',
    });
    const error = await rejectionOf(
      refunds.refund({
        order_id,
        reason: 'second',
        refund_fee: 401,
        refund_out_id: 'P-2',
      }),
    );
    expect(error).toBeInstanceOf(WechatApiError);
    const apiError = error as WechatApiError;
    expect(apiError.errcode).not.toBe(0);
    expect(apiError.httpStatus).toBe(422);
    expect(apiError.rid).toEqual(expect.any(String));
    expect(apiError.errmsg).toContain(apiError.rid);
    expect(h.simulator.ledger.map((e) => e.refund_fee)).toEqual([600]);
  });

  it('refuses an appid that is not configured, sending nothing', async () => {
    const error = await rejectionOf(
      refunds.refund({
        appid: 'wx0000000000000000',
        order_id: EXAMPLE_ORDER_ID,
        reason: REASON,
      }),
    );
    expect(error).toBeInstanceOf(AppidNotConfiguredError);
    expect(error.message).toContain('wx0000000000000000');
    expect(h.simulator.requests).toHaveLength(0);
  });

  it.each([
    [{ refund_fee: 100 }, 'refund_out_id'],
    [{ refund_out_id: 'R-9' }, 'refund_fee'],
    [{ refund_fee: 1.5, refund_out_id: 'R-9' }, 'refund_fee'],
    [{ refund_fee: '100', refund_out_id: 'R-9' }, 'refund_fee'],
    [{ refund_fee: null, refund_out_id: 'R-9' }, 'refund_fee'],
    [{ reason: '   ' }, 'reason'],
  ])('refuses %j in code too, naming %s', async (change, field) => {
    const request = { order_id: EXAMPLE_ORDER_ID, reason: REASON, ...change };
    const error = await rejectionOf(
      refunds.refund(request as Parameters<RefundService['refund']>[0]),
    );
    expect(error).toBeInstanceOf(InvalidRefundRequestError);
    expect(error.message).toContain(field);
    expect(h.simulator.requests).toHaveLength(0);
  });
});
