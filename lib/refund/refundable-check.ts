import { OrderNotRefundableError } from '../errors/order-not-refundable.error.js';
import type { NontaxOrder } from '../interfaces/nontax-order.interface.js';
import type { RefundResult } from '../interfaces/refund-result.interface.js';
import { partialResult } from './reconcile-order.js';
import type { RefundBody } from './refund-body.js';

/**
 * Whether the order, as read, can take the refund.
 * @returns the earlier refund when this very partial refund (same
 * `refund_out_id`, same amount) is already on the order: nothing to send
 * @throws OrderNotRefundableError when it cannot
 */
export function checkRefundable(
  order: NontaxOrder,
  body: RefundBody,
): RefundResult | undefined {
  const { refund_out_id: refundOutId, refund_fee: fee } = body;
  const done =
    refundOutId === undefined
      ? undefined
      : order.partial_refunds.find((p) => p.refund_out_id === refundOutId);
  if (done && done.refund_fee === fee) return partialResult(body, done);
  if (done) {
    throw new OrderNotRefundableError(
      'REFUND_OUT_ID_REUSED',
      order.order_id,
      `refund_out_id ${refundOutId} was used for ${done.refund_fee} fen`,
    );
  }
  if (order.state !== 'paid') {
    throw new OrderNotRefundableError(
      'ORDER_NOT_REFUNDABLE',
      order.order_id,
      `it is ${order.state} (status ${order.status}), not paid`,
    );
  }
  if (fee !== undefined && fee > order.refundable_fee) {
    throw new OrderNotRefundableError(
      'REFUND_EXCEEDS_REFUNDABLE',
      order.order_id,
      `${fee} fen asked, ${order.refundable_fee} fen left to refund`,
      order.refundable_fee,
    );
  }
  return undefined;
}
