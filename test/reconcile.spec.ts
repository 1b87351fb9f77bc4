import {
  OrderNotRefundableError,
  RefundNotAppliedError,
  RefundOutcomeUnknownError,
  type RefundRequest,
} from '../lib/index.js';
import type { SimulatorFault } from '../lib/testing/index.js';
import {
  newOrder,
  rejectionOf,
  startHarness,
  type NontaxHarness,
} from './support/nontax-harness.js';

const FAST = { checks: 3, firstDelayMs: 50 };

// The six ways an answer is lost: three after the money moved, three
// before.
const LOST: [string, SimulatorFault, boolean][] = [
  ['apply then drop', { type: 'apply-then-drop' }, true],
  ['apply then -1', { type: 'apply-then-errcode', errcode: -1 }, true],
  ['apply then hang', { type: 'apply-then-hang' }, true],
  ['drop', { type: 'drop' }, false],
  ['-1', { type: 'errcode', errcode: -1 }, false],
  ['hang', { type: 'hang' }, false],
];

describe('a refund whose answer was lost', () => {
  let h: NontaxHarness;
  let request: RefundRequest;
  const refundPosts = () => h.simulator.requestsTo('/nontax/refund').length;

  beforeEach(async () => {
    h = await startHarness({ timeout: 300 }, { settleAfterMs: 60_000 });
    request = {
      order_id: newOrder(h.simulator, 1000),
      reason: 'lost answer',
      refund_fee: 300,
      refund_out_id: 'L-1',
    };
  });
  afterEach(() => h.close());

  it.each(LOST)(
    '%s: reconcile tells what happened',
    async (_, fault, applied) => {
      h.simulator.fail('/nontax/refund', fault);
      const lost = await rejectionOf(h.refunds.refund(request));
      expect(lost).toBeInstanceOf(RefundOutcomeUnknownError);
      const found = await h.refunds.reconcile(request);
      expect(found.state).toBe(applied ? 'refunding' : 'not_applied');
      expect(refundPosts()).toBe(1);
      if (found.state === 'refunding') {
        expect(found.refund).toMatchObject({
          refund_out_id: 'L-1',
          refund_fee: 300,
          refund_order_id: h.simulator.ledger[0].refund_order_id,
          confirmed_by: 'order',
        });
      }
    },
  );

  it.each(LOST)(
    '%s: refundSafely moves the money once',
    async (_, fault, applied) => {
      h.simulator.fail('/nontax/refund', fault);
      const result = await h.refunds.refundSafely(request, FAST);
      expect(h.simulator.ledger).toHaveLength(1);
      expect(h.simulator.ledger[0]).toMatchObject({ refund_fee: 300 });
      expect(result).toMatchObject({
        status: applied ? 'refunding' : 'accepted',
        sends: applied ? 1 : 2,
        refund_out_id: 'L-1',
      });
      expect(refundPosts()).toBe(applied ? 1 : 2);
    },
  );

  it('refundSafely does not resend a full refund proved not applied', async () => {
    const full = { order_id: request.order_id, reason: 'all' };
    h.simulator.fail('/nontax/refund', { type: 'drop' });
    const error = await rejectionOf(h.refunds.refundSafely(full, FAST));
    expect(error).toBeInstanceOf(RefundNotAppliedError);
    expect((error as RefundNotAppliedError).refundState).toBe('rejected');
    expect(refundPosts()).toBe(1);
    expect(h.simulator.ledger).toHaveLength(0);
  });

  it('refundSafely finds a full refund that was applied', async () => {
    const full = { order_id: request.order_id, reason: 'all' };
    h.simulator.fail('/nontax/refund', { type: 'apply-then-drop' });
    const result = await h.refunds.refundSafely(full, FAST);
    expect(result).toMatchObject({
      kind: 'full',
      status: 'refunding',
      refund_fee: 1000,
      sends: 1,
    });
    expect(h.simulator.ledger).toHaveLength(1);
  });

  it('stays unknown when the order cannot be read', async () => {
    h.simulator.fail('/nontax/refund', { type: 'apply-then-drop' });
    // The refundable-amount check reads the order once, unharmed.
    h.simulator.fail('/nontax/getorder', { type: 'delay', ms: 0 });
    h.simulator.fail('/nontax/getorder', { type: 'html502' }, 10);
    const error = await rejectionOf(h.refunds.refundSafely(request, FAST));
    expect(error).toBeInstanceOf(RefundOutcomeUnknownError);
    expect(h.simulator.requestsTo('/nontax/getorder')).toHaveLength(4);
    const found = await h.refunds.reconcile(request);
    expect(found.state).toBe('unknown');
    expect(refundPosts()).toBe(1);
    expect(h.simulator.ledger).toHaveLength(1);
  });

  it('reports a settled refund as refunded', async () => {
    await h.close();
    h = await startHarness({ timeout: 300 }, { settleAfterMs: 0 });
    request = { ...request, order_id: newOrder(h.simulator, 1000) };
    h.simulator.fail('/nontax/refund', { type: 'apply-then-drop' });
    await rejectionOf(h.refunds.refund(request));
    const found = await h.refunds.reconcile(request);
    expect(found.state).toBe('refunded');
  });
});

describe('the refundable-amount check', () => {
  let h: NontaxHarness;
  const refundPosts = () => h.simulator.requestsTo('/nontax/refund').length;
  const partial = (order_id: string, fee: number, id: string) => ({
    order_id,
    reason: 'check',
    refund_fee: fee,
    refund_out_id: id,
  });

  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  it('refuses more than is left before any refund post', async () => {
    const order_id = newOrder(h.simulator, 1000);
    await h.refunds.refund(partial(order_id, 700, 'A'));
    const error = await rejectionOf(
      h.refunds.refund(partial(order_id, 301, 'B')),
    );
    expect(error).toBeInstanceOf(OrderNotRefundableError);
    expect(error).toMatchObject({
      code: 'REFUND_EXCEEDS_REFUNDABLE',
      httpStatus: 422,
      refundable_fee: 300,
      refundState: 'rejected',
    });
    expect(refundPosts()).toBe(1);
  });

  it('refuses an order that is not paid', async () => {
    const order_id = `UNPAID-${Date.now()}`;
    h.simulator.addOrder({
      appid: 'wx6cc9648de104270d',
      order_id,
      fee: 500,
      status: 1,
    });
    const error = await rejectionOf(
      h.refunds.refund(partial(order_id, 1, 'A')),
    );
    expect(error).toMatchObject({
      code: 'ORDER_NOT_REFUNDABLE',
      httpStatus: 409,
    });
    expect(refundPosts()).toBe(0);
  });

  it('returns a partial refund already on the order without sending', async () => {
    const order_id = newOrder(h.simulator, 1000);
    const first = await h.refunds.refund(partial(order_id, 100, 'A'));
    const again = await h.refunds.refund(partial(order_id, 100, 'A'));
    expect(again).toMatchObject({
      status: 'refunding',
      confirmed_by: 'order',
      refund_order_id: first.refund_order_id,
    });
    expect(refundPosts()).toBe(1);
  });

  it('refuses a refund_out_id reused for another amount', async () => {
    const order_id = newOrder(h.simulator, 1000);
    await h.refunds.refund(partial(order_id, 100, 'A'));
    const error = await rejectionOf(
      h.refunds.refund(partial(order_id, 200, 'A')),
    );
    expect(error).toMatchObject({
      code: 'REFUND_OUT_ID_REUSED',
      httpStatus: 409,
    });
    expect(refundPosts()).toBe(1);
  });

  it('checks full refunds too with refundableCheck: all', async () => {
    await h.close();
    h = await startHarness({ refundableCheck: 'all' });
    const order_id = newOrder(h.simulator, 1000);
    await h.refunds.refund({ order_id, reason: 'all' });
    const error = await rejectionOf(
      h.refunds.refund({ order_id, reason: 'again' }),
    );
    expect(error).toMatchObject({ code: 'ORDER_NOT_REFUNDABLE' });
    expect(refundPosts()).toBe(1);
  });

  it('can be turned off', async () => {
    await h.close();
    h = await startHarness({ refundableCheck: 'off' });
    const order_id = newOrder(h.simulator, 1000);
    await h.refunds.refund(partial(order_id, 100, 'A'));
    expect(h.simulator.requestsTo('/nontax/getorder')).toHaveLength(0);
  });
});

describe('what reconciliation will not take as proof', () => {
  let h: NontaxHarness;
  const lostPartial = async (id: string, fee: number, order_id: string) => {
    h.simulator.fail('/nontax/refund', { type: 'apply-then-drop' });
    const request = {
      order_id,
      reason: 'r',
      refund_fee: fee,
      refund_out_id: id,
    };
    await rejectionOf(h.refunds.refund(request));
    return request;
  };

  beforeEach(async () => {
    h = await startHarness({ timeout: 300 }, { settleAfterMs: 60_000 });
  });
  afterEach(() => h.close());

  it('a partial_refund_info that may list only the last refund', async () => {
    const order_id = newOrder(h.simulator, 1000);
    const lost = await lostPartial('P', 300, order_id);
    await h.refunds.refund({
      order_id,
      reason: 'r',
      refund_fee: 200,
      refund_out_id: 'Q',
    });
    h.simulator.setGetorderStyle({ partialRefundInfo: 'object' });
    const found = await h.refunds.reconcile(lost);
    expect(found.state).toBe('unknown');
    // Sent again as a fresh call, it is recognised by its refund_out_id.
    await h.refunds.refundSafely(lost, FAST);
    expect(h.simulator.ledger.map((e) => e.refund_out_id)).toEqual(['P', 'Q']);
  });

  it('a full refund that timed out: still unknown, not "not applied"', async () => {
    const order_id = newOrder(h.simulator, 1000);
    // Lands after the timeout (300 ms) and after the one read (~600 ms).
    h.simulator.fail('/nontax/refund', { type: 'delay', ms: 900 });
    const error = await rejectionOf(
      h.refunds.refundSafely(
        { order_id, reason: 'late' },
        { checks: 1, firstDelayMs: 0 },
      ),
    );
    expect(error).toBeInstanceOf(RefundOutcomeUnknownError);
    expect(h.simulator.ledger).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(h.simulator.ledger).toHaveLength(1);
  });

  it('refuses options out of range', async () => {
    const order_id = newOrder(h.simulator, 1000);
    for (const options of [
      { checks: 0 },
      { checks: 1.5 },
      { firstDelayMs: 2 ** 31 },
    ]) {
      const error = await rejectionOf(
        h.refunds.refundSafely({ order_id, reason: 'r' }, options),
      );
      expect(error).toBeInstanceOf(RangeError);
    }
    expect(h.simulator.requests).toHaveLength(0);
  });

  it('marks a failed refundable check as rejected: nothing was sent', async () => {
    const order_id = newOrder(h.simulator, 1000);
    h.simulator.fail('/nontax/getorder', { type: 'html502' });
    const error = await rejectionOf(
      h.refunds.refund({
        order_id,
        reason: 'r',
        refund_fee: 1,
        refund_out_id: 'X',
      }),
    );
    expect(error).toMatchObject({ refundState: 'rejected' });
    expect(h.simulator.requestsTo('/nontax/refund')).toHaveLength(0);
  });

  it('counts no send when the order already holds the refund', async () => {
    const order_id = newOrder(h.simulator, 1000);
    const request = {
      order_id,
      reason: 'r',
      refund_fee: 5,
      refund_out_id: 'D',
    };
    await h.refunds.refund(request);
    const again = await h.refunds.refundSafely(request, FAST);
    expect(again).toMatchObject({ sends: 0, confirmed_by: 'order' });
  });
});
