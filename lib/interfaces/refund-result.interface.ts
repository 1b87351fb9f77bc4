/** `full` refunds the whole order; `partial` refunds `refund_fee`. */
export type RefundKind = 'full' | 'partial';

/**
 * A refund that happened. From `refund()` it is `accepted` (errcode 0:
 * WeChat took it, the money has not moved yet). When the order was read
 * instead (a lost answer reconciled, or a partial refund found already
 * done), it is `refunding` (6) or `refunded` (5) as the order shows.
 */
export interface RefundResult {
  readonly status: 'accepted' | 'refunding' | 'refunded';
  readonly kind: RefundKind;
  readonly appid: string;
  readonly order_id: string;
  /** Present for partial refunds: exactly what was sent. */
  readonly refund_out_id?: string;
  /** The amount in fen: as sent for partial refunds; from the order else. */
  readonly refund_fee?: number;
  /** WeChat's refund number; WeChat does not always send it. */
  readonly refund_order_id?: string;
  /** When the money moved (seconds since the epoch), if the order says. */
  readonly refund_finish_time?: number;
  /** The request id of WeChat's answer, for support. */
  readonly rid?: string;
  /** `answer`: WeChat's reply to the refund; `order`: read with getorder. */
  readonly confirmed_by: 'answer' | 'order';
}

/** What `refundSafely` adds: how many refund posts it took. */
export interface SafeRefundResult extends RefundResult {
  /**
   * How many times the refund was sent: 0 when the order already held it,
   * 1, or 2 after a partial refund proved lost. A send that WeChat answered
   * with a token errcode and that was retried with a fresh token counts
   * once.
   */
  readonly sends: number;
}
