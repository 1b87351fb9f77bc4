import { HttpStatus } from '@nestjs/common';

/**
 * What a retry can do for a failed call:
 * - `fresh-token`: retry once with a newly fetched access token;
 * - `outcome-unknown`: the call may have taken effect; never resend blindly;
 * - `later`: retry after a backoff (quota or rate limit);
 * - `after-confirmation`: retry once the account admin has confirmed;
 * - `never`: a bug or a configuration error; retrying cannot help.
 */
export type WechatRetryClass =
  'fresh-token' | 'outcome-unknown' | 'later' | 'after-confirmation' | 'never';

/**
 * Who has to act on an errcode: the client of the API (`client`), the
 * operator of this service (`config`), a developer (`bug`), or nobody in
 * particular (`upstream`, WeChat itself).
 */
export type WechatErrorParty = 'client' | 'config' | 'bug' | 'upstream';

/** One row of the errcode table. */
export interface WechatErrcodeInfo {
  /** A plain English meaning, safe to show to API clients. */
  readonly meaning: string;
  readonly retry: WechatRetryClass;
  readonly party: WechatErrorParty;
  /** The HTTP status the exception filter answers with. */
  readonly httpStatus: number;
}

function row(
  meaning: string,
  retry: WechatRetryClass,
  party: WechatErrorParty,
  httpStatus: number,
): WechatErrcodeInfo {
  return { meaning, retry, party, httpStatus };
}

const BAD_GATEWAY = HttpStatus.BAD_GATEWAY;
const UNAVAILABLE = HttpStatus.SERVICE_UNAVAILABLE;
const INTERNAL = HttpStatus.INTERNAL_SERVER_ERROR;

/**
 * The errcodes a refund can meet, as documented by WeChat. This is the one
 * place that knows them: the API client reads `retry`, the exception filter
 * reads `httpStatus` and `party`.
 */
export const WECHAT_ERRCODES: Readonly<Record<number, WechatErrcodeInfo>> = {
  [-1]: row('WeChat is busy', 'outcome-unknown', 'upstream', BAD_GATEWAY),
  40001: row('access token invalid', 'fresh-token', 'upstream', BAD_GATEWAY),
  40014: row('access token invalid', 'fresh-token', 'upstream', BAD_GATEWAY),
  41001: row('access token missing', 'fresh-token', 'upstream', BAD_GATEWAY),
  42001: row('access token expired', 'fresh-token', 'upstream', BAD_GATEWAY),
  40002: row('invalid grant_type', 'never', 'bug', INTERNAL),
  40013: row('invalid appid', 'never', 'config', UNAVAILABLE),
  40125: row('invalid AppSecret', 'never', 'config', UNAVAILABLE),
  40164: row('caller IP not whitelisted', 'never', 'config', UNAVAILABLE),
  43002: row('HTTP method must be POST', 'never', 'bug', INTERNAL),
  44002: row('empty request body', 'never', 'bug', INTERNAL),
  47001: row('malformed request body', 'never', 'bug', INTERNAL),
  45009: row('daily API quota used up', 'later', 'config', UNAVAILABLE),
  45011: row('calls too frequent', 'later', 'upstream', 429),
  48001: row(
    'API not enabled for this account',
    'never',
    'config',
    UNAVAILABLE,
  ),
  61024: row('third-party platform token used', 'never', 'config', UNAVAILABLE),
  89501: row(
    'awaiting admin confirmation',
    'after-confirmation',
    'config',
    UNAVAILABLE,
  ),
  89503: row(
    'awaiting admin confirmation',
    'after-confirmation',
    'config',
    UNAVAILABLE,
  ),
  // SPEC.md names only some of 89501-89507; the whole range is taken as
  // the account admin's business: the operator's problem, not a refusal
  // of the request.
  89504: row(
    'awaiting admin confirmation',
    'after-confirmation',
    'config',
    UNAVAILABLE,
  ),
  89505: row(
    'awaiting admin confirmation',
    'after-confirmation',
    'config',
    UNAVAILABLE,
  ),
  89506: row('admin refused this IP (24 h)', 'never', 'config', UNAVAILABLE),
  89507: row('admin refused this IP (1 h)', 'never', 'config', UNAVAILABLE),
};

/**
 * Any errcode not in the table is a business rejection of the request
 * (refund larger than what is left, order not refundable, ...): the client
 * sent something WeChat refused, so it maps to 422 and keeps its code.
 */
export const UNKNOWN_ERRCODE: WechatErrcodeInfo = row(
  'refused by WeChat',
  'never',
  'client',
  HttpStatus.UNPROCESSABLE_ENTITY,
);

/** The table row for `errcode`, or {@link UNKNOWN_ERRCODE}. */
export function describeErrcode(errcode: number): WechatErrcodeInfo {
  return WECHAT_ERRCODES[errcode] ?? UNKNOWN_ERRCODE;
}

/** Whether `errcode` means the access token was refused (40001 & co.). */
export function isTokenErrcode(errcode: number): boolean {
  return describeErrcode(errcode).retry === 'fresh-token';
}
