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
  | 'REDIS_UNAVAILABLE';

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

  protected constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
