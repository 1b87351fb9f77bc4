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
  /**
   * How long an accepted refund stays "refunding" (6) before it is
   * "refunded" (5), in ms. Default 2000; 0 settles at once; `Infinity`
   * leaves it to `settleRefunds()`. Must not be negative.
   */
  settleAfterMs?: number;
  /** The shape of `/nontax/getorder` answers. Default: a list, numbers. */
  getorderStyle?: SimulatorGetorderStyle;
}

/**
 * How `/nontax/getorder` shapes its answer. Published SDKs disagree on it,
 * so a client should be tested against every style.
 */
export interface SimulatorGetorderStyle {
  /**
   * `'list'` (default): `partial_refund_info` is an array of every partial
   * refund. `'object'`: it is the last partial refund alone, and absent
   * when there is none.
   */
  partialRefundInfo?: 'list' | 'object';
  /**
   * Send `status`, `fee`, `refund_fee`, `refund_status` and
   * `refund_finish_time` as numeric strings (`"5"`). Default false.
   */
  numbersAsStrings?: boolean;
}

/** The endpoints the simulator plays, as the paths WeChat uses. */
export type SimulatorEndpoint =
  | '/cgi-bin/token'
  | '/cgi-bin/stable_token'
  | '/nontax/refund'
  | '/nontax/getorder';

/**
 * A failure to play on the next call to an endpoint. `delay` and the
 * `apply-then-*` faults handle the request (a refund is applied, a token
 * issued); every other fault leaves the state untouched.
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
  | { type: 'html502' }
  /**
   * Handle the request normally (a refund is applied and written to the
   * ledger, a token is issued), then destroy the socket without answering:
   * the answer is lost, not the refund.
   */
  | { type: 'apply-then-drop' }
  /**
   * Handle the request normally, then never answer; the socket stays open
   * until `close()`. A client timeout then hides an applied refund.
   */
  | { type: 'apply-then-hang' }
  /**
   * Handle the request normally, then answer HTTP 200 with
   * `{errcode, errmsg: '<errmsg> rid: <rid>'}` instead of the real answer.
   * `errcode` defaults to -1 (system busy), `errmsg` to the simulator's
   * message for that code (`'system error'` for -1).
   */
  | { type: 'apply-then-errcode'; errcode?: number; errmsg?: string };

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
  /** Seconds since the epoch when it settled; 0 while refunding. */
  refund_finish_time: number;
  /** 5 refunded, 6 refunding. */
  refund_status: 5 | 6;
  /**
   * `Date.now()` when the simulator applied it, to settle it later. The
   * simulator's own bookkeeping: getorder does not send it.
   */
  applied_at: number;
}

/** A non-tax order held by the simulator. */
export interface SimulatorOrder {
  appid: string;
  order_id: string;
  /** The order total, fen. */
  fee: number;
  /** 1 not paid; 3 or 4 paid; 5 refunded; 6 refunding; 12 closed. */
  status: number;
  /** Seconds since the epoch. */
  create_time: number;
  /** Seconds since the epoch; absent while not paid. */
  pay_finish_time?: number;
  /** The last refund, full or partial, as getorder reports it. */
  refund_order_id?: string;
  refund_out_id?: string;
  refund_reason?: string;
  /** Seconds; 0 while the last refund is refunding. */
  refund_finish_time?: number;
  /**
   * `Date.now()` when the last refund was applied. The simulator's own
   * bookkeeping: getorder does not send it.
   */
  refund_applied_at?: number;
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
