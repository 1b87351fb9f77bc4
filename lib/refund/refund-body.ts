import type { RefundRequest } from '../interfaces/refund-request.interface.js';

/** Exactly what `/nontax/refund` receives. */
export interface RefundBody {
  appid: string;
  order_id: string;
  reason: string;
  refund_fee?: number;
  refund_out_id?: string;
}

/**
 * Builds the body from an allow-list of the five fields, never from a
 * spread of the caller's object: nothing else reaches WeChat, and no key
 * is sent with `null` or `undefined`. The request was validated before.
 */
export function buildRefundBody(
  request: RefundRequest,
  appid: string,
): RefundBody {
  const body: RefundBody = {
    appid,
    order_id: request.order_id,
    reason: request.reason,
  };
  if (request.refund_fee !== undefined) {
    body.refund_fee = request.refund_fee;
    body.refund_out_id = request.refund_out_id;
  }
  return body;
}
