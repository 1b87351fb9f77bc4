/** An account the simulator knows: the appid and its AppSecret. */
export interface SimulatorAccount {
  appid: string;
  secret: string;
}

/** How to start a {@link WechatSimulator}. Every field is optional. */
export interface SimulatorOptions {
  /** Interface to listen on. Default `'127.0.0.1'`. */
  host?: string;
  /** Port to listen on. Default 0: a random free port. */
  port?: number;
  /** Accounts that may fetch tokens. Default `[EXAMPLE_ACCOUNT]`. */
  accounts?: SimulatorAccount[];
  /** `expires_in` given out with every token, in seconds. Default 7200. */
  tokenTtlSeconds?: number;
  /**
   * How long the previous classic token stays valid after a new one is
   * issued, in seconds. Default 300, as WeChat documents.
   */
  classicOverlapSeconds?: number;
  /** Fee (fen) of the documentation's example order. Default 10000. */
  exampleOrderFee?: number;
  /**
   * Whether to create the example order (`EXAMPLE_ORDER_ID`, paid) for the
   * first account. Default true.
   */
  createExampleOrder?: boolean;
}

/** The endpoints the simulator plays, as the paths WeChat uses. */
export type SimulatorEndpoint =
  | '/cgi-bin/token'
  | '/cgi-bin/stable_token'
  | '/nontax/refund'
  | '/nontax/getorder';

/**
 * A failure to play on the next call to an endpoint. Every fault but
 * `delay` leaves the state untouched: nothing is applied.
 */
export type SimulatorFault =
  /** HTTP 200 with `{errcode, errmsg: '<errmsg> rid: <rid>'}`. */
  | { type: 'errcode'; errcode: number; errmsg?: string }
  /**
   * Wait `ms`, then handle the request normally: a refund is applied even
   * if the client gave up meanwhile, which is how a timeout leaves the
   * outcome unknown.
   */
  | { type: 'delay'; ms: number }
  /** Never answer; the socket stays open until `close()`. */
  | { type: 'hang' }
  /** Destroy the socket without answering. */
  | { type: 'drop' }
  /** HTTP 502 with an HTML body, as a failing gateway sends. */
  | { type: 'html502' };

/** One request the simulator received, as it arrived. */
export interface RecordedRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  /** The parsed query, `access_token` included. */
  query: Record<string, string>;
  /** Parsed JSON, the raw string when not JSON, undefined when empty. */
  body: unknown;
  /** `Date.now()` when the request was read. */
  at: number;
}

/** One partial refund of an order, as `getorder` lists it. */
export interface SimulatorPartialRefund {
  refund_order_id: string;
  refund_out_id: string;
  refund_fee: number;
  refund_reason: string;
  /** Seconds since the epoch. */
  refund_finish_time: number;
  /** 5 refunded, 6 refunding. */
  refund_status: 5 | 6;
}

/** A non-tax order held by the simulator. */
export interface SimulatorOrder {
  appid: string;
  order_id: string;
  /** The order total, fen. */
  fee: number;
  /** 1 not paid; 3 or 4 paid; 5 refunded; 6 refunding; 12 closed. */
  status: number;
  refund_order_id?: string;
  refund_out_id?: string;
  refund_reason?: string;
  refund_finish_time?: number;
  partial_refunds: SimulatorPartialRefund[];
}

/** What `addOrder` needs; `status` defaults to 3 (paid). */
export interface SimulatorOrderInput {
  appid: string;
  order_id: string;
  fee: number;
  status?: number;
}

/** One refund the simulator applied: money that moved. */
export interface SimulatorLedgerEntry {
  appid: string;
  order_id: string;
  /** Absent for a full refund. */
  refund_out_id?: string;
  refund_fee: number;
  refund_order_id: string;
  at: number;
}
