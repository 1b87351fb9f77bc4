import { WechatRequestError } from '../errors/wechat-request.error.js';
import type { WechatAnswer } from '../http/wechat-answer.js';
import type {
  NontaxOrder,
  NontaxPartialRefund,
  OrderState,
} from '../interfaces/nontax-order.interface.js';

const ENDPOINT = '/nontax/getorder';

const STATES: Readonly<Record<number, OrderState>> = {
  1: 'unpaid',
  3: 'paid',
  4: 'paid',
  5: 'refunded',
  6: 'refunding',
  12: 'closed',
};

/** An integer given as a number or a numeric string; else undefined. */
function integer(value: unknown): number | undefined {
  if (typeof value === 'string' && /^-?\d{1,16}$/.test(value)) {
    value = Number(value);
  }
  return Number.isSafeInteger(value) ? (value as number) : undefined;
}

/** An id or a text; ids sent as numbers are read as their digits. */
function text(value: unknown): string | undefined {
  if (Number.isSafeInteger(value)) return String(value);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Money: an integer number of fen, zero or more. */
function money(value: unknown): number | undefined {
  const fen = integer(value);
  return fen !== undefined && fen >= 0 ? fen : undefined;
}

function unreadable(detail: string): WechatRequestError {
  return new WechatRequestError(ENDPOINT, 'bad-body', detail);
}

function required(value: number | undefined, field: string): number {
  if (value === undefined) throw unreadable(`the order has no usable ${field}`);
  return value;
}

function partialRefund(entry: unknown): NontaxPartialRefund {
  if (typeof entry !== 'object' || entry === null) {
    throw new WechatRequestError(
      ENDPOINT,
      'bad-body',
      'a partial refund is not an object',
    );
  }
  const raw = entry as Record<string, unknown>;
  const status = required(integer(raw.refund_status), 'refund_status');
  const finished = integer(raw.refund_finish_time);
  return {
    refund_out_id: text(raw.refund_out_id),
    refund_order_id: text(raw.refund_order_id),
    refund_fee: required(money(raw.refund_fee), 'refund_fee'),
    refund_reason: text(raw.refund_reason),
    refund_finish_time: finished ? finished : undefined,
    refund_status: status,
    state: status === 5 ? 'refunded' : status === 6 ? 'refunding' : 'unknown',
  };
}

/** `partial_refund_info` as one object, a list, or absent: a list. */
function partialRefunds(value: unknown): NontaxPartialRefund[] {
  if (value === undefined || value === null || value === '') return [];
  const entries = Array.isArray(value) ? value : [value];
  return entries.map(partialRefund);
}

/**
 * Reads a getorder answer.
 * @throws WechatRequestError (`bad-body`) when fee, status or a partial
 * refund's amount or status is missing or not an integer
 */
export function parseOrder(
  appid: string,
  order_id: string,
  answer: WechatAnswer,
): NontaxOrder {
  checkIdentity(appid, order_id, answer);
  const fee = required(money(answer.fee), 'fee');
  const status = required(integer(answer.status), 'status');
  const info = answer.partial_refund_info;
  const partials = partialRefunds(info);
  const partiallyRefunded = partials.reduce((sum, p) => sum + p.refund_fee, 0);
  if (partiallyRefunded > fee) {
    throw unreadable('the partial refunds add up to more than the fee');
  }
  const state = STATES[status] ?? 'unknown';
  // One object may be only the last partial refund (SDKs disagree).
  const complete =
    info === undefined || info === null || info === '' || Array.isArray(info);
  return {
    appid,
    order_id,
    fee,
    status,
    state,
    refund_order_id: text(answer.refund_order_id),
    refund_out_id: text(answer.refund_out_id),
    refund_reason: text(answer.refund_reason),
    refund_finish_time: integer(answer.refund_finish_time) || undefined,
    partial_refunds: partials,
    partial_refunds_complete: complete,
    partially_refunded_fee: partiallyRefunded,
    refundable_fee:
      state !== 'paid' ? 0 : complete ? fee - partiallyRefunded : undefined,
    raw: answer,
  };
}

/** An answer naming another order or account is not this order's. */
function checkIdentity(
  appid: string,
  order_id: string,
  answer: WechatAnswer,
): void {
  const answered = text(answer.order_id);
  const account = text(answer.appid);
  if ((answered && answered !== order_id) || (account && account !== appid)) {
    throw unreadable('the answer is about another order or account');
  }
}
