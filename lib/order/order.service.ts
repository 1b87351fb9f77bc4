import { Inject, Injectable } from '@nestjs/common';
import { AppidNotConfiguredError } from '../errors/appid-not-configured.error.js';
import { InvalidRefundRequestError } from '../errors/invalid-refund-request.error.js';
import { idProblem } from '../dto/field-problems.js';
import { MAX_ID_LENGTH } from '../dto/refund-request.dto.js';
import { WechatApiClient } from '../http/wechat-api.client.js';
import type { NontaxOrder } from '../interfaces/nontax-order.interface.js';
import { NONTAX_OPTIONS } from '../nontax.constants.js';
import type { ResolvedNontaxOptions } from '../options/resolve-options.js';
import { parseOrder } from './parse-order.js';

/** Reads non-tax orders: what was paid and what was refunded. */
@Injectable()
export class OrderService {
  constructor(
    private readonly api: WechatApiClient,
    @Inject(NONTAX_OPTIONS) private readonly options: ResolvedNontaxOptions,
  ) {}

  /**
   * Reads one order with `/nontax/getorder`. Safe to call any number of
   * times: it moves no money.
   * @param appid defaults to the configured one
   * @throws InvalidRefundRequestError for a malformed order id
   * @throws WechatApiError when WeChat refuses (an unknown order, say)
   * @throws WechatRequestError when the answer is lost or unreadable
   */
  async getOrder(order_id: string, appid?: string): Promise<NontaxOrder> {
    const problem = idProblem(order_id, MAX_ID_LENGTH);
    if (problem) {
      throw new InvalidRefundRequestError([`order_id ${problem}`], 'order');
    }
    const account = appid ?? this.options.appid;
    if (account !== this.options.appid) {
      throw new AppidNotConfiguredError(account);
    }
    const answer = await this.api.post('/nontax/getorder', account, {
      appid: account,
      order_id,
    });
    return parseOrder(account, order_id, answer);
  }
}
