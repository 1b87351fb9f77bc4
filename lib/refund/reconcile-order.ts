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
 * shows counts, and "not applied" needs an order that plainly lacks the
 * refund: anything odd (an unknown status, a list that may be partial, an
 * entry without an id) leaves it unknown.
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
  if (order.state === 'unknown') {
    return unknown(order, `the order's status ${order.status} is unknown`);
  }
  if (order.state !== 'refunded' && order.state !== 'refunding') {
    return notApplied(order, `the order is ${order.state}, not refunded`);
  }
  const left = order.fee - order.partially_refunded_fee;
  const lastIsPartial = order.partial_refunds.some(
    (p) => p.refund_order_id && p.refund_order_id === order.refund_order_id,
  );
  if (left <= 0 || lastIsPartial || !order.partial_refunds_complete) {
    return unknown(order, 'partial refunds, not a full one, may explain it');
  }
  const refund: RefundResult = {
    ...describeRefund(body),
    status: order.state,
    confirmed_by: 'order',
    refund_fee: left,
    ...(order.refund_order_id && { refund_order_id: order.refund_order_id }),
    ...(order.refund_finish_time && {
      refund_finish_time: order.refund_finish_time,
    }),
  };
  return { state: order.state, refund, order };
}

function reconcilePartial(
  order: NontaxOrder,
  body: RefundBody,
  refundOutId: string,
): ReconcileResult {
  const found = order.partial_refunds.filter(
    (p) => p.refund_out_id === refundOutId,
  );
  if (found.length > 1) {
    return unknown(order, `partial refund ${refundOutId} is listed twice`);
  }
  if (found.length === 0) return absentPartial(order, refundOutId);
  const [entry] = found;
  if (entry.refund_fee !== body.refund_fee) {
    return unknown(
      order,
      `partial refund ${refundOutId} is listed with ${entry.refund_fee} ` +
        `fen, not ${body.refund_fee}`,
    );
  }
  if (entry.state === 'unknown') {
    return unknown(order, `refund_status ${entry.refund_status} is unknown`);
  }
  return { state: entry.state, refund: partialResult(body, entry), order };
}

/** Absence proves nothing unless the order is paid and the list whole. */
function absentPartial(
  order: NontaxOrder,
  refundOutId: string,
): ReconcileResult {
  if (!order.partial_refunds_complete) {
    return unknown(order, 'the order may list only its last partial refund');
  }
  if (order.state !== 'paid') {
    return unknown(order, `the order is ${order.state}, not paid`);
  }
  if (order.partial_refunds.some((p) => p.refund_out_id === undefined)) {
    return unknown(order, 'a listed partial refund has no refund_out_id');
  }
  if (order.refund_out_id === refundOutId) {
    return unknown(order, 'the order names the refund but does not list it');
  }
  return notApplied(order, `no partial refund ${refundOutId} on the order`);
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
