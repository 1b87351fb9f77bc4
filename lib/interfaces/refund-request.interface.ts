/**
 * A refund of a WeChat non-tax payment order. Without `refund_fee` and
 * `refund_out_id` it refunds the whole order; a partial refund carries
 * both.
 */
export interface RefundRequest {
  /** The account's appid; defaults to the configured one. */
  appid?: string;

  /** WeChat's order id, e.g. `AQCAGxwqp6-aBeIKDJ7fvb6x3dZt`. */
  order_id: string;

  /** Why the money goes back; shown to the payer. */
  reason: string;

  /** The amount of a partial refund, an integer in fen. */
  refund_fee?: number;

  /** Your unique number for this partial refund. */
  refund_out_id?: string;
}
