import { HttpStatus } from '@nestjs/common';
import {
  NontaxError,
  type NontaxErrorCode,
  type RefundState,
} from './nontax.error.js';
import type { WechatFailure } from './wechat-request.error.js';

/** What a refund with an unknown outcome was about. */
export interface UnknownRefundDetails {
  readonly appid: string;
  readonly order_id: string;
  readonly refund_out_id?: string;
  readonly refund_fee?: number;
}

/**
 * A refund was sent and no trustworthy answer came back (timeout, dropped
 * connection, HTTP 5xx, unreadable body, errcode -1). The money may or may
 * not have moved. It was not resent and must not be resent blindly: read
 * the order with `/nontax/getorder` first.
 */
export class RefundOutcomeUnknownError extends NontaxError {
  readonly code: NontaxErrorCode = 'REFUND_OUTCOME_UNKNOWN';
  override refundState: RefundState = 'unknown';
  readonly httpStatus: number;
  readonly appid: string;
  readonly order_id: string;
  readonly refund_out_id?: string;
  readonly refund_fee?: number;
  override readonly errcode?: number;
  override readonly errmsg?: string;
  override readonly rid?: string;

  constructor(
    refund: UnknownRefundDetails,
    /** What went wrong: a transport failure or `busy` (errcode -1). */
    readonly failure: WechatFailure | 'busy',
    wechat: { errcode?: number; errmsg?: string; rid?: string } = {},
  ) {
    super(
      `The outcome of the refund of order ${refund.order_id}` +
        (refund.refund_out_id ? ` (${refund.refund_out_id})` : '') +
        ` is unknown (${failure}); it was not resent. ` +
        'Check the order with getorder before trying again.',
    );
    this.appid = refund.appid;
    this.order_id = refund.order_id;
    this.refund_out_id = refund.refund_out_id;
    this.refund_fee = refund.refund_fee;
    this.errcode = wechat.errcode;
    this.errmsg = wechat.errmsg;
    this.rid = wechat.rid;
    this.httpStatus =
      failure === 'timeout'
        ? HttpStatus.GATEWAY_TIMEOUT
        : HttpStatus.BAD_GATEWAY;
  }
}
