/** `full` refunds the whole order; `partial` refunds `refund_fee`. */
export type RefundKind = 'full' | 'partial';

/**
 * WeChat accepted a refund (errcode 0). Accepted is not yet refunded: the
 * order shows "refunding" (6) until the money has moved ("refunded", 5).
 */
export interface RefundResult {
  readonly status: 'accepted';
  readonly kind: RefundKind;
  readonly appid: string;
  readonly order_id: string;
  /** Present for partial refunds: exactly what was sent. */
  readonly refund_out_id?: string;
  /** Present for partial refunds: the amount in fen, as sent. */
  readonly refund_fee?: number;
  /** WeChat's refund number; WeChat does not always send it. */
  readonly refund_order_id?: string;
  /** The request id of WeChat's answer, for support. */
  readonly rid?: string;
}
