/** Stable, machine-readable codes carried by every error of this module. */
export type NontaxErrorCode =
  | 'WECHAT_API_ERROR'
  | 'WECHAT_MISCONFIGURED'
  | 'ACCESS_TOKEN_FAILED'
  | 'REFUND_OUTCOME_UNKNOWN'
  | 'WECHAT_UNREACHABLE'
  | 'WECHAT_BAD_RESPONSE'
  | 'INVALID_REFUND_REQUEST'
  | 'APPID_NOT_CONFIGURED'
  | 'REFUND_IN_PROGRESS'
  | 'REDIS_UNAVAILABLE'
  | 'REFUND_NOT_APPLIED'
  | 'ORDER_NOT_REFUNDABLE'
  | 'REFUND_EXCEEDS_REFUNDABLE'
  | 'REFUND_OUT_ID_REUSED';

/**
 * Where a refund stands:
 * - `accepted`: WeChat took it (errcode 0); the money has not moved yet;
 * - `refunding`: the order shows it under way (6);
 * - `refunded`: the order shows it done (5);
 * - `rejected`: it did not happen (refused by WeChat or by this module,
 *   or proved not applied); sending it again is safe;
 * - `unknown`: it was sent and no trustworthy answer came back.
 */
export type RefundState =
  'accepted' | 'refunding' | 'refunded' | 'rejected' | 'unknown';

/**
 * Base class of every error this module throws. Each one is built from
 * sanitised parts only: no access token, no AppSecret, no raw HTTP client
 * error (axios errors carry the request URL with the token in it).
 */
export abstract class NontaxError extends Error {
  /** A stable code for programs; the message is for people. */
  abstract readonly code: NontaxErrorCode;

  /** The HTTP status the exception filter answers with. */
  abstract readonly httpStatus: number;

  /** WeChat's errcode, when WeChat answered with one. */
  readonly errcode?: number;

  /** WeChat's errmsg, as WeChat sent it. */
  readonly errmsg?: string;

  /** The request id WeChat support asks for, parsed from errmsg. */
  readonly rid?: string;

  /**
   * Whether the message and errmsg describe this server (its IP, its
   * configuration) rather than the request: the filter then keeps them in
   * the server log and tells the API client only that the service is
   * misconfigured.
   */
  readonly internal: boolean = false;

  /**
   * When the error came from a refund: `rejected` (nothing moved, safe to
   * send again) or `unknown` (may have moved; reconcile first).
   */
  refundState?: RefundState;

  protected constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
