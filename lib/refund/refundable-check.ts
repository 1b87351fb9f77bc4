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
  const done = alreadyOnOrder(order, body);
  if (done) return done;
  if (order.state !== 'paid') {
    throw new OrderNotRefundableError(
      'ORDER_NOT_REFUNDABLE',
      order.order_id,
      `it is ${order.state} (status ${order.status}), not paid`,
    );
  }
  const left = order.refundable_fee;
  // With a list that may be incomplete, WeChat alone knows what is left.
  if (body.refund_fee !== undefined && left !== undefined) {
    if (body.refund_fee > left) {
      throw new OrderNotRefundableError(
        'REFUND_EXCEEDS_REFUNDABLE',
        order.order_id,
        `${body.refund_fee} fen asked, ${left} fen left to refund`,
        left,
      );
    }
  }
  return undefined;
}

function alreadyOnOrder(
  order: NontaxOrder,
  body: RefundBody,
): RefundResult | undefined {
  const id = body.refund_out_id;
  const done = id && order.partial_refunds.find((p) => p.refund_out_id === id);
  if (!done) return undefined;
  if (done.refund_fee === body.refund_fee && done.state !== 'unknown') {
    return partialResult(body, done);
  }
  throw new OrderNotRefundableError(
    'REFUND_OUT_ID_REUSED',
    order.order_id,
    `refund_out_id ${id} is already on the order ` +
      `(${done.refund_fee} fen, refund_status ${done.refund_status})`,
  );
}
