import {
  RefundOutcomeUnknownError,
  WechatRequestError,
  type RefundRequest,
} from '../lib/index.js';
import type { SimulatorFault } from '../lib/testing/index.js';
import {
  newOrder,
  rejectionOf,
  startHarness,
  type NontaxHarness,
} from './support/nontax-harness.js';

describe('a refund whose answer is lost', () => {
  let h: NontaxHarness;
  let request: RefundRequest;

  beforeEach(async () => {
    h = await startHarness({ timeout: 300 });
    request = {
      order_id: newOrder(h.simulator),
      reason: 'duplicate payment',
      refund_fee: 700,
      refund_out_id: 'U-1',
    };
  });
  afterEach(() => h.close());

  it.each<[string, SimulatorFault, string, number]>([
    ['hangs', { type: 'hang' }, 'timeout', 504],
    ['is dropped', { type: 'drop' }, 'connection-reset', 502],
    ['is an HTML 502', { type: 'html502' }, 'http-status', 502],
    ['is errcode -1', { type: 'errcode', errcode: -1 }, 'busy', 502],
  ])('%s: unknown outcome, posted once', async (_, fault, failure, status) => {
    h.simulator.fail('/nontax/refund', fault);
    const error = await rejectionOf(h.refunds.refund(request));
    expect(error).toBeInstanceOf(RefundOutcomeUnknownError);
    const unknown = error as RefundOutcomeUnknownError;
    expect(unknown.failure).toBe(failure);
    expect(unknown.httpStatus).toBe(status);
    expect(unknown.order_id).toBe(request.order_id);
    expect(unknown.refund_out_id).toBe('U-1');
    expect(unknown.message).toMatch(/unknown/);
    expect(h.simulator.requestsTo('/nontax/refund')).toHaveLength(1);
  });

  it('keeps the rid of an errcode -1', async () => {
    h.simulator.fail('/nontax/refund', { type: 'errcode', errcode: -1 });
    const error = (await rejectionOf(
      h.refunds.refund(request),
    )) as RefundOutcomeUnknownError;
    expect(error.errcode).toBe(-1);
    expect(error.rid).toEqual(expect.any(String));
  });

  it('times out a slow answer that was then applied: unknown, not resent', async () => {
    h.simulator.fail('/nontax/refund', { type: 'delay', ms: 600 });
    const started = Date.now();
    const error = await rejectionOf(h.refunds.refund(request));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(error).toBeInstanceOf(RefundOutcomeUnknownError);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(h.simulator.ledger).toHaveLength(1);
    expect(h.simulator.requestsTo('/nontax/refund')).toHaveLength(1);
  });

  it('says nothing was sent when WeChat cannot be reached', async () => {
    const port = h.simulator.port;
    await h.close();
    h = await startHarness({ baseUrl: `http://127.0.0.1:${port}` });
    const error = await rejectionOf(h.refunds.refund(request));
    // The token fetch fails first; no refund can have been sent.
    expect(error.name).toBe('AccessTokenError');
    expect(error.message).toContain('nothing was sent');
  });
});

describe('WechatRequestError', () => {
  it('marks refused connections as not delivered', () => {
    const refused = new WechatRequestError('/x', 'connection-refused', 'no');
    const reset = new WechatRequestError('/x', 'connection-reset', 'hm');
    expect(refused.delivery).toBe('no');
    expect(reset.delivery).toBe('maybe');
  });
});
