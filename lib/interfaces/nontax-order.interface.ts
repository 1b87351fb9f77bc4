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
  /**
   * Whether `partial_refunds` is known to be every partial refund. False
   * when WeChat sent `partial_refund_info` as one object, which may be
   * only the last one: then no partial refund can be proved absent.
   */
  readonly partial_refunds_complete: boolean;
  /** What the listed partial refunds add up to, refunded or refunding. */
  readonly partially_refunded_fee: number;
  /**
   * What a partial refund may still take, fen; 0 unless paid; undefined
   * when the list of partial refunds may be incomplete.
   */
  readonly refundable_fee: number | undefined;
  /** WeChat's whole answer, fields this module does not know included. */
  readonly raw: Readonly<Record<string, unknown>>;
}
