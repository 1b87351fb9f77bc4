import type { SimulatorAccount, SimulatorEndpoint } from './simulator-types.js';

/** The appid of WeChat's documented example request. */
export const EXAMPLE_APPID = 'wx6cc9648de104270d';

/** A fake AppSecret for the example account; never a real one. */
export const EXAMPLE_SECRET = 'simulator-secret-not-real';

/** The order id of WeChat's documented example request. */
export const EXAMPLE_ORDER_ID = 'AQCAGxwqp6-aBeIKDJ7fvb6x3dZt';

/**
 * How long an accepted refund stays refunding (6) unless told otherwise, in
 * ms: long enough for a test to see "refunding" right after a refund.
 */
export const DEFAULT_SETTLE_AFTER_MS = 2000;

/** The account the simulator knows when given none. */
export const EXAMPLE_ACCOUNT: SimulatorAccount = Object.freeze({
  appid: EXAMPLE_APPID,
  secret: EXAMPLE_SECRET,
});

/** Every endpoint the simulator plays. */
export const SIMULATOR_ENDPOINTS: readonly SimulatorEndpoint[] = Object.freeze([
  '/cgi-bin/token',
  '/cgi-bin/stable_token',
  '/nontax/refund',
  '/nontax/getorder',
] as const);

/**
 * The errcodes the simulator answers. The token and format codes are
 * WeChat's documented ones. WeChat documents no codes for the refund
 * rejections (unknown order, over-refund, reused refund_out_id...), so the
 * ones from `ORDER_NOT_FOUND` on are the simulator's own choice: treat them
 * as "some non-zero business rejection", not as WeChat's real values.
 */
export const SIMULATOR_ERRCODES = Object.freeze({
  OK: 0,
  SYSTEM_BUSY: -1,
  INVALID_CREDENTIAL: 40001,
  INVALID_GRANT_TYPE: 40002,
  INVALID_APPID: 40013,
  INVALID_APPSECRET: 40125,
  ACCESS_TOKEN_MISSING: 41001,
  ACCESS_TOKEN_EXPIRED: 42001,
  REQUIRE_POST: 43002,
  EMPTY_BODY: 44002,
  INVALID_JSON: 47001,
  /** A field missing or malformed; WeChat's "data format error". */
  INVALID_ARGUMENT: 47001,
  /** Also the errcode of the HTTP 404 answer to an unknown path. */
  NOT_FOUND: 404,
  ORDER_NOT_FOUND: 9403101,
  ORDER_NOT_PAID: 9403102,
  ORDER_ALREADY_REFUNDED: 9403103,
  REFUND_OUT_ID_REUSED: 9403104,
  REFUND_EXCEEDS_REMAINING: 9403105,
} as const);

/** The errmsg the simulator pairs with each errcode (before ` rid: ...`). */
export const SIMULATOR_ERRMSGS: Readonly<Record<number, string>> =
  Object.freeze({
    0: 'ok',
    [-1]: 'system error',
    40001: 'invalid credential, access_token is invalid or not latest',
    40002: 'invalid grant_type',
    40013: 'invalid appid',
    40014: 'invalid access_token',
    40125: 'invalid appsecret',
    40164: 'invalid ip 127.0.0.1, not in whitelist',
    41001: 'access_token missing',
    42001: 'access_token expired',
    43002: 'require POST method',
    44002: 'empty post data',
    45009: 'reach max api daily quota limit',
    45011: 'api minute-quota reach limit',
    47001: 'data format error',
    48001: 'api unauthorized',
    61024: 'component access_token can not call this api',
    9403101: 'order not exist',
    9403102: 'order status not allow refund',
    9403103: 'order already refunded',
    9403104: 'refund_out_id already used with another refund_fee',
    9403105: 'refund_fee exceeds the refundable amount',
  });
