import { RefundOutcomeUnknownError } from '../errors/refund-outcome-unknown.error.js';
import { WechatApiError } from '../errors/wechat-api.error.js';
import { WechatRequestError } from '../errors/wechat-request.error.js';
import { parseRid } from '../errors/rid.js';
import { readErrmsg, type WechatAnswer } from '../http/wechat-answer.js';
import type { RefundResult } from '../interfaces/refund-result.interface.js';
import type { RefundBody } from './refund-body.js';

/** Turns "maybe sent, no trustworthy answer" into an unknown outcome. */
export function toRefundError(error: unknown, body: RefundBody): unknown {
  if (error instanceof WechatRequestError && error.delivery === 'maybe') {
    return new RefundOutcomeUnknownError(body, error.failure);
  }
  if (
    error instanceof WechatApiError &&
    error.info.retry === 'outcome-unknown'
  ) {
    return new RefundOutcomeUnknownError(body, 'busy', error);
  }
  return error;
}

/** The result of a refund WeChat accepted. */
export function acceptedResult(
  body: RefundBody,
  answer: WechatAnswer,
): RefundResult {
  const refundOrderId = answer.refund_order_id;
  const rid = parseRid(readErrmsg(answer));
  return {
    ...describeRefund(body),
    status: 'accepted',
    confirmed_by: 'answer',
    ...(typeof refundOrderId === 'string' &&
      refundOrderId !== '' && { refund_order_id: refundOrderId }),
    ...(rid && { rid }),
  };
}

/** The fields of a result that come from the request itself. */
export function describeRefund(
  body: RefundBody,
): Pick<
  RefundResult,
  'kind' | 'appid' | 'order_id' | 'refund_out_id' | 'refund_fee'
> {
  const partial = body.refund_fee !== undefined;
  return {
    kind: partial ? 'partial' : 'full',
    appid: body.appid,
    order_id: body.order_id,
    ...(partial && {
      refund_out_id: body.refund_out_id,
      refund_fee: body.refund_fee,
    }),
  };
}
