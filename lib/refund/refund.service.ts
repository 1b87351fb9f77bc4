import { Inject, Injectable } from '@nestjs/common';
import { AppidNotConfiguredError } from '../errors/appid-not-configured.error.js';
import { RefundOutcomeUnknownError } from '../errors/refund-outcome-unknown.error.js';
import { WechatApiError } from '../errors/wechat-api.error.js';
import { WechatRequestError } from '../errors/wechat-request.error.js';
import { parseRid } from '../errors/rid.js';
import { WechatApiClient } from '../http/wechat-api.client.js';
import { readErrmsg, type WechatAnswer } from '../http/wechat-answer.js';
import type { RefundRequest } from '../interfaces/refund-request.interface.js';
import type { RefundResult } from '../interfaces/refund-result.interface.js';
import { NONTAX_OPTIONS, REFUND_GUARD } from '../nontax.constants.js';
import type { RefundGuard } from '../guard/refund-guard.interface.js';
import type { ResolvedNontaxOptions } from '../options/resolve-options.js';
import { buildRefundBody, type RefundBody } from './refund-body.js';
import { validateRefundRequest } from './validate-refund-request.js';

/** Refunds WeChat non-tax payment orders, fully or partly. */
@Injectable()
export class RefundService {
  constructor(
    private readonly api: WechatApiClient,
    @Inject(NONTAX_OPTIONS) private readonly options: ResolvedNontaxOptions,
    @Inject(REFUND_GUARD) private readonly guard: RefundGuard,
  ) {}

  /**
   * Sends one refund to `/nontax/refund`. Never resent, except once after
   * WeChat refused the access token. While it is in flight, no other
   * refund of the same order and `refund_out_id` (or of the whole order,
   * for a full refund) can start, in this instance or another.
   * @throws InvalidRefundRequestError, AppidNotConfiguredError before
   * anything is sent
   * @throws RefundInProgressError when a conflicting refund is in flight
   * @throws RedisUnavailableError when the shared state cannot be reached
   * @throws WechatApiError when WeChat rejected the refund
   * @throws RefundOutcomeUnknownError when the answer was lost (timeout,
   * dropped connection, HTTP 5xx, unreadable body, errcode -1)
   * @throws AccessTokenError, WechatRequestError when nothing was sent
   */
  async refund(request: RefundRequest): Promise<RefundResult> {
    const checked = await validateRefundRequest(request);
    const body = buildRefundBody(checked, this.appidFor(checked));
    const release = await this.guard.acquire(body);
    try {
      return toResult(body, await this.send(body));
    } finally {
      await release();
    }
  }

  private async send(body: RefundBody): Promise<WechatAnswer> {
    try {
      return await this.api.post('/nontax/refund', body.appid, body);
    } catch (error) {
      throw toRefundError(error, body);
    }
  }

  private appidFor(request: RefundRequest): string {
    const appid = request.appid ?? this.options.appid;
    if (appid !== this.options.appid) throw new AppidNotConfiguredError(appid);
    return appid;
  }
}

/** Turns "maybe sent, no trustworthy answer" into an unknown outcome. */
function toRefundError(error: unknown, body: RefundBody): unknown {
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

function toResult(body: RefundBody, answer: WechatAnswer): RefundResult {
  const refundOrderId = answer.refund_order_id;
  const rid = parseRid(readErrmsg(answer));
  const partial = body.refund_fee !== undefined;
  return {
    status: 'accepted',
    kind: partial ? 'partial' : 'full',
    appid: body.appid,
    order_id: body.order_id,
    ...(partial && {
      refund_out_id: body.refund_out_id,
      refund_fee: body.refund_fee,
    }),
    ...(typeof refundOrderId === 'string' &&
      refundOrderId !== '' && { refund_order_id: refundOrderId }),
    ...(rid && { rid }),
  };
}
