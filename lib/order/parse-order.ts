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

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function required(value: number | undefined, field: string): number {
  if (value === undefined) {
    throw new WechatRequestError(
      ENDPOINT,
      'bad-body',
      `the order has no usable ${field}`,
    );
  }
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
    refund_fee: required(integer(raw.refund_fee), 'refund_fee'),
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
  const fee = required(integer(answer.fee), 'fee');
  const status = required(integer(answer.status), 'status');
  const partials = partialRefunds(answer.partial_refund_info);
  const partiallyRefunded = partials.reduce((sum, p) => sum + p.refund_fee, 0);
  const state = STATES[status] ?? 'unknown';
  return {
    appid,
    order_id: text(answer.order_id) ?? order_id,
    fee,
    status,
    state,
    refund_order_id: text(answer.refund_order_id),
    refund_out_id: text(answer.refund_out_id),
    refund_reason: text(answer.refund_reason),
    refund_finish_time: integer(answer.refund_finish_time) || undefined,
    partial_refunds: partials,
    partially_refunded_fee: partiallyRefunded,
    refundable_fee: state === 'paid' ? Math.max(0, fee - partiallyRefunded) : 0,
    raw: answer,
  };
}
