import { SIMULATOR_ERRCODES } from './simulator-constants.js';
import { reject, type SimulatorRejection } from './simulator-replies.js';
import type { SimulatorOrder } from './simulator-types.js';

/** A refund request's fields, checked for shape. */
export interface RefundArgs {
  order_id: string;
  reason: string;
  /** Both set for a partial refund, both absent for a full one. */
  refund_fee?: number;
  refund_out_id?: string;
}

/** What to do with a refund request that passed the order's rules. */
export type RefundPlan =
  | { kind: 'apply'; refund_fee: number }
  /** Same refund_out_id, same fee: answer as before, move no money. */
  | { kind: 'repeat'; refund_order_id: string };

const PAID = new Set([3, 4]);
const REFUNDED_OR_REFUNDING = new Set([5, 6]);
const { INVALID_ARGUMENT } = SIMULATOR_ERRCODES;

/** Checks the body of `/nontax/refund` for shape, not against the order. */
export function parseRefundArgs(
  body: Record<string, unknown>,
): RefundArgs | SimulatorRejection {
  const { order_id, reason, refund_fee, refund_out_id } = body;
  if (!isFilled(order_id)) return reject(INVALID_ARGUMENT, 'invalid order_id');
  if (!isFilled(reason)) return reject(INVALID_ARGUMENT, 'invalid reason');
  if (refund_fee === undefined && refund_out_id === undefined) {
    return { order_id, reason };
  }
  if (refund_fee === undefined || refund_out_id === undefined) {
    return reject(
      INVALID_ARGUMENT,
      'refund_fee and refund_out_id must be given together',
    );
  }
  if (!isPositiveInteger(refund_fee)) {
    return reject(INVALID_ARGUMENT, 'invalid refund_fee');
  }
  if (!isFilled(refund_out_id)) {
    return reject(INVALID_ARGUMENT, 'invalid refund_out_id');
  }
  return { order_id, reason, refund_fee, refund_out_id };
}

/** What is left to refund on `order`, in fen. */
export function remainingFee(order: SimulatorOrder): number {
  if (REFUNDED_OR_REFUNDING.has(order.status)) return 0;
  const refunded = order.partial_refunds.reduce(
    (sum, partial) => sum + partial.refund_fee,
    0,
  );
  return Math.max(0, order.fee - refunded);
}

/** Decides a full refund: only of a paid order nothing was refunded from. */
export function planFullRefund(
  order: SimulatorOrder,
): RefundPlan | SimulatorRejection {
  if (!isRefundableStatus(order.status)) {
    return reject(SIMULATOR_ERRCODES.ORDER_NOT_PAID);
  }
  const touched =
    REFUNDED_OR_REFUNDING.has(order.status) ||
    order.partial_refunds.length > 0 ||
    order.refund_order_id !== undefined;
  if (touched) return reject(SIMULATOR_ERRCODES.ORDER_ALREADY_REFUNDED);
  return { kind: 'apply', refund_fee: order.fee };
}

/**
 * Decides a partial refund. The refund_out_id check comes first so that a
 * retry of a refund that emptied the order still succeeds.
 */
export function planPartialRefund(
  order: SimulatorOrder,
  fee: number,
  outId: string,
): RefundPlan | SimulatorRejection {
  const earlier = order.partial_refunds.find((p) => p.refund_out_id === outId);
  if (earlier && earlier.refund_fee === fee) {
    return { kind: 'repeat', refund_order_id: earlier.refund_order_id };
  }
  if (earlier) return reject(SIMULATOR_ERRCODES.REFUND_OUT_ID_REUSED);
  if (!isRefundableStatus(order.status)) {
    return reject(SIMULATOR_ERRCODES.ORDER_NOT_PAID);
  }
  if (fee > remainingFee(order)) {
    return reject(SIMULATOR_ERRCODES.REFUND_EXCEEDS_REMAINING);
  }
  return { kind: 'apply', refund_fee: fee };
}

function isRefundableStatus(status: number): boolean {
  return PAID.has(status) || REFUNDED_OR_REFUNDING.has(status);
}

function isFilled(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}
