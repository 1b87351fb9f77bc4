/** An order's `status` in words; `unknown` for a code WeChat added. */
export type OrderState =
  'unpaid' | 'paid' | 'refunded' | 'refunding' | 'closed' | 'unknown';

/** One partial refund of an order, as `getorder` lists it. */
export interface NontaxPartialRefund {
  readonly refund_out_id?: string;
  readonly refund_order_id?: string;
  /** Fen. */
  readonly refund_fee: number;
  readonly refund_reason?: string;
  /** Seconds since the epoch; absent while refunding. */
  readonly refund_finish_time?: number;
  /** 5 refunded, 6 refunding. */
  readonly refund_status: number;
  readonly state: 'refunded' | 'refunding' | 'unknown';
}

/**
 * A non-tax order read with `/nontax/getorder`, parsed defensively:
 * numbers that came as numeric strings are numbers, `partial_refund_info`
 * is always a list, money is integer fen.
 */
export interface NontaxOrder {
  readonly appid: string;
  readonly order_id: string;
  /** The order total, fen. */
  readonly fee: number;
  /** 1 not paid; 3 or 4 paid; 5 refunded; 6 refunding; 12 closed. */
  readonly status: number;
  readonly state: OrderState;
  /** The (last) refund's fields, as WeChat reports them. */
  readonly refund_order_id?: string;
  readonly refund_out_id?: string;
  readonly refund_reason?: string;
  readonly refund_finish_time?: number;
  readonly partial_refunds: readonly NontaxPartialRefund[];
  /** What the listed partial refunds add up to, refunded or refunding. */
  readonly partially_refunded_fee: number;
  /** What a partial refund may still take, fen; 0 unless paid. */
  readonly refundable_fee: number;
  /** WeChat's whole answer, fields this module does not know included. */
  readonly raw: Readonly<Record<string, unknown>>;
}
