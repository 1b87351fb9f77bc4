import type {
  NontaxOrder,
  NontaxPartialRefund,
} from '../interfaces/nontax-order.interface.js';
import type { ReconcileResult } from '../interfaces/reconcile-result.interface.js';
import type { RefundResult } from '../interfaces/refund-result.interface.js';
import { describeRefund } from './refund-answer.js';
import type { RefundBody } from './refund-body.js';

/**
 * Decides from the order whether `body` was applied. Only what the order
 * shows counts: "not applied" needs an order that was read and plainly
 * lacks the refund.
 */
export function reconcileOrder(
  order: NontaxOrder,
  body: RefundBody,
): ReconcileResult {
  return body.refund_out_id === undefined
    ? reconcileFull(order, body)
    : reconcilePartial(order, body, body.refund_out_id);
}

function reconcileFull(order: NontaxOrder, body: RefundBody): ReconcileResult {
  if (order.state === 'refunded' || order.state === 'refunding') {
    const refund: RefundResult = {
      ...describeRefund(body),
      status: order.state,
      confirmed_by: 'order',
      refund_fee: order.fee - order.partially_refunded_fee,
      ...(order.refund_order_id && { refund_order_id: order.refund_order_id }),
      ...(order.refund_finish_time && {
        refund_finish_time: order.refund_finish_time,
      }),
    };
    return { state: order.state, refund, order };
  }
  if (order.state === 'unknown') {
    return unknown(order, `the order's status ${order.status} is unknown`);
  }
  return notApplied(order, `the order is ${order.state}, not refunded`);
}

function reconcilePartial(
  order: NontaxOrder,
  body: RefundBody,
  refundOutId: string,
): ReconcileResult {
  const found = order.partial_refunds.find(
    (p) => p.refund_out_id === refundOutId,
  );
  if (!found) {
    if (order.refund_out_id === refundOutId) {
      return unknown(order, 'the order names the refund but does not list it');
    }
    return notApplied(order, `no partial refund ${refundOutId} on the order`);
  }
  if (found.refund_fee !== body.refund_fee) {
    return unknown(
      order,
      `partial refund ${refundOutId} is listed with ${found.refund_fee} fen, ` +
        `not ${body.refund_fee}`,
    );
  }
  if (found.state === 'unknown') {
    return unknown(order, `refund_status ${found.refund_status} is unknown`);
  }
  return { state: found.state, refund: partialResult(body, found), order };
}

/** A partial refund found on the order, as a result. */
export function partialResult(
  body: RefundBody,
  found: NontaxPartialRefund,
): RefundResult {
  return {
    ...describeRefund(body),
    status: found.state === 'refunded' ? 'refunded' : 'refunding',
    confirmed_by: 'order',
    ...(found.refund_order_id && { refund_order_id: found.refund_order_id }),
    ...(found.refund_finish_time && {
      refund_finish_time: found.refund_finish_time,
    }),
  };
}

function notApplied(order: NontaxOrder, reason: string): ReconcileResult {
  return { state: 'not_applied', reason, order };
}

function unknown(order: NontaxOrder, reason: string): ReconcileResult {
  return { state: 'unknown', reason, order };
}
