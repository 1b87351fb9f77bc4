import { Inject, Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppidNotConfiguredError } from '../errors/appid-not-configured.error.js';
import { NontaxError } from '../errors/nontax.error.js';
import { RefundNotAppliedError } from '../errors/refund-not-applied.error.js';
import { RefundOutcomeUnknownError } from '../errors/refund-outcome-unknown.error.js';
import type { RefundGuard } from '../guard/refund-guard.interface.js';
import { WechatApiClient } from '../http/wechat-api.client.js';
import type { ReconcileResult } from '../interfaces/reconcile-result.interface.js';
import type { RefundRequest } from '../interfaces/refund-request.interface.js';
import type {
  RefundResult,
  SafeRefundResult,
} from '../interfaces/refund-result.interface.js';
import type { SafeRefundOptions } from '../interfaces/safe-refund-options.interface.js';
import { NONTAX_OPTIONS, REFUND_GUARD } from '../nontax.constants.js';
import type { ResolvedNontaxOptions } from '../options/resolve-options.js';
import { OrderService } from '../order/order.service.js';
import { reconcileOrder } from './reconcile-order.js';
import { acceptedResult, toRefundError } from './refund-answer.js';
import { buildRefundBody, type RefundBody } from './refund-body.js';
import { checkRefundable } from './refundable-check.js';
import { resolveSafeRefundOptions } from './safe-refund-options.js';
import { validateRefundRequest } from './validate-refund-request.js';

/** Refunds WeChat non-tax payment orders, fully or partly. */
@Injectable()
export class RefundService {
  private readonly logger = new Logger(RefundService.name);

  constructor(
    private readonly api: WechatApiClient,
    private readonly orders: OrderService,
    @Inject(NONTAX_OPTIONS) private readonly options: ResolvedNontaxOptions,
    @Inject(REFUND_GUARD) private readonly guard: RefundGuard,
  ) {}

  /**
   * Sends one refund to `/nontax/refund`. Never resent, except once after
   * WeChat refused the access token. While it is in flight, no other
   * refund of the same order and `refund_out_id` (or of the whole order,
   * for a full refund) can start, in this instance or another. With the
   * refundable-amount check on, the order is read first.
   * @throws InvalidRefundRequestError, AppidNotConfiguredError before
   * anything is sent
   * @throws RefundInProgressError when a conflicting refund is in flight
   * @throws OrderNotRefundableError when the order cannot take it
   * @throws RedisUnavailableError when the shared state cannot be reached
   * @throws WechatApiError when WeChat rejected the refund
   * @throws RefundOutcomeUnknownError when the answer was lost (timeout,
   * dropped connection, HTTP 5xx, unreadable body, errcode -1)
   * @throws AccessTokenError, WechatRequestError when nothing was sent
   */
  async refund(request: RefundRequest): Promise<RefundResult> {
    const body = await this.prepare(request);
    return this.holding(body, () => this.checkAndSend(body));
  }

  /**
   * Refunds, and when the answer is lost reads the order (up to
   * `checks` times, waiting `firstDelayMs` and doubling; after a timeout
   * the first wait is at least the timeout) to find out what happened. It
   * sends again only when the order proved the refund was not applied AND
   * the request is a partial one (its `refund_out_id` lets WeChat
   * recognise a repeat), and at most once. The hold on the order lasts the
   * whole time.
   * @returns the refund, accepted or as the order shows it
   * @throws RefundOutcomeUnknownError when it still cannot tell: reconcile
   * later with {@link reconcile}
   * @throws RefundNotAppliedError when a full refund proved not applied
   * (never after a timeout: the request may still land)
   * @throws RangeError for options out of range
   * @throws everything {@link refund} throws before sending
   */
  async refundSafely(
    request: RefundRequest,
    options: SafeRefundOptions = {},
  ): Promise<SafeRefundResult> {
    const safe = resolveSafeRefundOptions(options);
    const body = await this.prepare(request);
    return this.holding(body, () => this.sendUntilKnown(body, safe));
  }

  /**
   * Reads the order to tell what became of `request`, typically after a
   * {@link RefundOutcomeUnknownError}. Never sends a refund.
   */
  async reconcile(request: RefundRequest): Promise<ReconcileResult> {
    return this.reconcileBody(await this.prepare(request));
  }

  private async prepare(request: RefundRequest): Promise<RefundBody> {
    const checked = await validateRefundRequest(request);
    return buildRefundBody(checked, this.appidFor(checked));
  }

  private async holding<T>(body: RefundBody, work: () => Promise<T>) {
    const release = await this.guard.acquire(body);
    try {
      return await work();
    } finally {
      await release();
    }
  }

  private async checkAndSend(body: RefundBody): Promise<RefundResult> {
    const done = await this.checkRefundable(body);
    return done ?? this.send(body);
  }

  /** The refundable-amount check, when the options ask for it. */
  private async checkRefundable(
    body: RefundBody,
  ): Promise<RefundResult | undefined> {
    const checks = this.options.refundableCheck;
    const partial = body.refund_out_id !== undefined;
    if (checks === 'off' || (checks === 'partial' && !partial)) return;
    try {
      const order = await this.orders.getOrder(body.order_id, body.appid);
      return checkRefundable(order, body);
    } catch (error) {
      // Whatever failed here, no refund was sent.
      if (error instanceof NontaxError) error.refundState = 'rejected';
      throw error;
    }
  }

  private async send(body: RefundBody): Promise<RefundResult> {
    try {
      const answer = await this.api.post('/nontax/refund', body.appid, body);
      return acceptedResult(body, answer);
    } catch (error) {
      throw toRefundError(error, body);
    }
  }

  private async sendUntilKnown(
    body: RefundBody,
    options: Required<SafeRefundOptions>,
  ): Promise<SafeRefundResult> {
    const done = await this.checkRefundable(body);
    if (done) return { ...done, sends: 0 };
    for (let sends = 1; ; sends++) {
      let lost: RefundOutcomeUnknownError;
      try {
        return { ...(await this.send(body)), sends };
      } catch (error) {
        if (!(error instanceof RefundOutcomeUnknownError)) throw error;
        lost = error;
      }
      const found = await this.reconcileAfter(lost, body, options);
      if (found.state === 'refunded' || found.state === 'refunding') {
        return { ...found.refund, sends };
      }
      // A request that timed out may still reach WeChat: its absence from
      // the order now proves nothing for a full refund, which WeChat has
      // no id to recognise a repeat by.
      const provedLost = found.state === 'not_applied';
      if (!provedLost || sends >= 2) throw lost;
      if (body.refund_out_id === undefined) {
        if (lost.failure === 'timeout') throw lost;
        throw new RefundNotAppliedError(body.order_id);
      }
    }
  }

  /**
   * Reads the order with backoff. After a timeout the first read waits at
   * least the timeout again, giving a late request time to land.
   */
  private async reconcileAfter(
    lost: RefundOutcomeUnknownError,
    body: RefundBody,
    { checks, firstDelayMs }: Required<SafeRefundOptions>,
  ): Promise<ReconcileResult> {
    const first =
      lost.failure === 'timeout'
        ? Math.max(firstDelayMs, this.options.timeout)
        : firstDelayMs;
    let found: ReconcileResult = { state: 'unknown', reason: 'not read' };
    for (let check = 0; check < checks; check++) {
      await sleep(first * 2 ** check);
      found = await this.reconcileBody(body);
      if (found.state !== 'unknown') return found;
    }
    return found;
  }

  private async reconcileBody(body: RefundBody): Promise<ReconcileResult> {
    try {
      const order = await this.orders.getOrder(body.order_id, body.appid);
      return reconcileOrder(order, body);
    } catch (error) {
      if (!(error instanceof NontaxError)) throw error;
      if (!error.internal) {
        return { state: 'unknown', reason: error.message, error };
      }
      // Its text describes this server: the log gets it, the result not.
      // A Redis outage has been logged once already.
      if (error.code !== 'REDIS_UNAVAILABLE') {
        this.logger.error(`reconcile: ${error.message}`);
      }
      const reason =
        'the order could not be read: the service needs its operator';
      return { state: 'unknown', reason, error };
    }
  }

  private appidFor(request: RefundRequest): string {
    const appid = request.appid ?? this.options.appid;
    if (appid !== this.options.appid) throw new AppidNotConfiguredError(appid);
    return appid;
  }
}
