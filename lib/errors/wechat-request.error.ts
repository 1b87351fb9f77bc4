import { HttpStatus } from '@nestjs/common';
import { NontaxError, type NontaxErrorCode } from './nontax.error.js';

/**
 * How a call to WeChat failed before a usable answer came back:
 * - `timeout`: no complete answer within the configured timeout;
 * - `connection-reset`: the connection broke after it was open;
 * - `connection-refused`, `dns`: no connection could be made at all;
 * - `http-status`: an HTTP status other than 200 without a JSON answer;
 * - `bad-body`: HTTP 200 but the body is not a JSON object WeChat sends;
 * - `network`: any other transport failure.
 */
export type WechatFailure =
  | 'timeout'
  | 'connection-reset'
  | 'connection-refused'
  | 'dns'
  | 'http-status'
  | 'bad-body'
  | 'network';

/**
 * Whether WeChat may have received and acted on the request: `no` only
 * when no connection was ever made, `maybe` for everything else.
 */
export type WechatDelivery = 'no' | 'maybe';

const NOT_DELIVERED: ReadonlySet<WechatFailure> = new Set([
  'connection-refused',
  'dns',
]);

/**
 * A call to WeChat failed in transport or came back unreadable. Built from
 * sanitised parts: the endpoint path, a failure kind, an HTTP status. The
 * underlying HTTP client error is never attached.
 */
export class WechatRequestError extends NontaxError {
  readonly code: NontaxErrorCode;
  readonly httpStatus: number;
  readonly delivery: WechatDelivery;

  constructor(
    /** The path called, e.g. `/nontax/refund`, without its query. */
    readonly endpoint: string,
    readonly failure: WechatFailure,
    detail: string,
    /** The HTTP status WeChat answered with, if any. */
    readonly upstreamStatus?: number,
  ) {
    super(`WeChat ${endpoint} failed (${failure}): ${detail}`);
    this.delivery = NOT_DELIVERED.has(failure) ? 'no' : 'maybe';
    if (this.delivery === 'no') this.refundState = 'rejected';
    this.code =
      failure === 'bad-body' || failure === 'http-status'
        ? 'WECHAT_BAD_RESPONSE'
        : 'WECHAT_UNREACHABLE';
    this.httpStatus = statusFor(failure);
  }
}

function statusFor(failure: WechatFailure): number {
  if (failure === 'timeout') return HttpStatus.GATEWAY_TIMEOUT;
  if (NOT_DELIVERED.has(failure)) return HttpStatus.SERVICE_UNAVAILABLE;
  return HttpStatus.BAD_GATEWAY;
}
