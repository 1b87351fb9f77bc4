import { OrderService, WechatApiError } from '../lib/index.js';
import {
  EXAMPLE_APPID,
  SIMULATOR_ERRCODE_OVERRIDES,
} from '../lib/testing/index.js';
import {
  newOrder,
  rejectionOf,
  startHarness,
  type NontaxHarness,
} from './support/nontax-harness.js';

describe('OrderService.getOrder', () => {
  let h: NontaxHarness;
  let orders: OrderService;

  async function start(errcodes = {}) {
    h = await startHarness({ errcodes }, { settleAfterMs: 60_000 });
    orders = h.moduleRef.get(OrderService);
  }
  afterEach(() => h.close());

  async function orderWithTwoPartials(): Promise<string> {
    const order_id = newOrder(h.simulator, 1000);
    for (const [fee, id] of [
      [100, 'A'],
      [250, 'B'],
    ] as const) {
      await h.refunds.refund({
        order_id,
        reason: 'r',
        refund_fee: fee,
        refund_out_id: id,
      });
    }
    return order_id;
  }

  it('reads fee, status and partial refunds as a list', async () => {
    await start();
    const order_id = await orderWithTwoPartials();
    const order = await orders.getOrder(order_id);
    expect(order).toMatchObject({
      appid: EXAMPLE_APPID,
      order_id,
      fee: 1000,
      status: 3,
      state: 'paid',
      partially_refunded_fee: 350,
      refundable_fee: 650,
    });
    expect(
      order.partial_refunds.map((p) => [
        p.refund_out_id,
        p.refund_fee,
        p.state,
      ]),
    ).toEqual([
      ['A', 100, 'refunding'],
      ['B', 250, 'refunding'],
    ]);
  });

  it('reads partial_refund_info given as one object, numbers as strings', async () => {
    await start();
    const order_id = await orderWithTwoPartials();
    h.simulator.setGetorderStyle({
      partialRefundInfo: 'object',
      numbersAsStrings: true,
    });
    const order = await orders.getOrder(order_id);
    expect(order.fee).toBe(1000);
    expect(order.status).toBe(3);
    expect(order.partial_refunds).toHaveLength(1);
    expect(order.partial_refunds[0]).toMatchObject({
      refund_out_id: 'B',
      refund_fee: 250,
      refund_status: 6,
    });
  });

  it('keeps unknown fields in raw only', async () => {
    await start();
    const order = await orders.getOrder(newOrder(h.simulator));
    expect(Object.keys(order)).not.toContain('notify_history');
    expect(order.raw).toHaveProperty('errcode', 0);
  });

  it('maps an unknown order to 404 with the simulator overrides', async () => {
    await start(SIMULATOR_ERRCODE_OVERRIDES);
    const error = await rejectionOf(orders.getOrder('NO-SUCH-ORDER'));
    expect(error).toBeInstanceOf(WechatApiError);
    expect((error as WechatApiError).httpStatus).toBe(404);
    expect(error.message).toContain('order not found');
  });

  it('maps an unknown order to 422 without them, keeping the errcode', async () => {
    await start();
    const error = (await rejectionOf(
      orders.getOrder('NO-SUCH-ORDER'),
    )) as WechatApiError;
    expect(error.httpStatus).toBe(422);
    expect(error.errcode).not.toBe(0);
  });

  it('refuses a malformed order id without calling WeChat', async () => {
    await start();
    const error = await rejectionOf(orders.getOrder('has space'));
    expect(error.message).toContain('order_id');
    expect(h.simulator.requests).toHaveLength(0);
  });
});
