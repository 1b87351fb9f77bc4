import { SIMULATOR_ERRCODES } from './simulator-constants.js';
import {
  parseRefundArgs,
  planFullRefund,
  planPartialRefund,
  remainingFee,
  type RefundArgs,
  type RefundPlan,
} from './simulator-refunds.js';
import {
  isRejection,
  newRefundOrderId,
  reject,
  type SimulatorRejection,
} from './simulator-replies.js';
import { settleOrder } from './simulator-settlement.js';
import type {
  SimulatorLedgerEntry,
  SimulatorOrder,
  SimulatorOrderInput,
  SimulatorPartialRefund,
} from './simulator-types.js';

/** The answer to an accepted refund. */
export interface RefundAccepted {
  refund_order_id: string;
}

/** Statuses at which an order has been paid, so has a pay time. */
const PAID_ONCE = new Set([3, 4, 5, 6]);

/**
 * How long before being added an order was created and how long after that
 * it was paid, in seconds: any plausible past will do.
 */
const CREATED_AGO_SECONDS = 60;
const PAID_AFTER_SECONDS = 30;

/**
 * Orders by appid and order id, and the ledger of money moved. Refunds
 * settle lazily: an order is brought up to date each time it is looked up.
 */
export class OrderBook {
  private readonly orders = new Map<string, SimulatorOrder>();
  private entries: SimulatorLedgerEntry[] = [];

  /** `settleAfterMs`: how long an accepted refund stays refunding. */
  constructor(private readonly settleAfterMs: number) {}

  /** Every refund applied since the last `clearLedger`, in order. */
  get ledger(): readonly SimulatorLedgerEntry[] {
    return this.entries;
  }

  /** Adds or replaces an order at `now`; returns the live record. */
  add(input: SimulatorOrderInput, now: number): SimulatorOrder {
    if (!Number.isSafeInteger(input.fee) || input.fee < 0) {
      throw new RangeError(`fee must be a non-negative integer: ${input.fee}`);
    }
    const status = input.status ?? 3;
    const createTime = Math.floor(now / 1000) - CREATED_AGO_SECONDS;
    const order: SimulatorOrder = {
      appid: input.appid,
      order_id: input.order_id,
      fee: input.fee,
      status,
      create_time: createTime,
      partial_refunds: [],
    };
    if (PAID_ONCE.has(status)) {
      order.pay_finish_time = createTime + PAID_AFTER_SECONDS;
    }
    this.orders.set(orderKey(input.appid, input.order_id), order);
    return order;
  }

  /**
   * The live record of an order, if the simulator holds it, with whatever
   * refunds were due by `now` settled.
   */
  get(appid: string, orderId: string, now: number): SimulatorOrder | undefined {
    const order = this.orders.get(orderKey(appid, orderId));
    if (order) this.settleDue(order, now);
    return order;
  }

  /** Handles a `/nontax/refund` body already known to belong to `appid`. */
  refund(
    appid: string,
    body: Record<string, unknown>,
    now: number,
  ): RefundAccepted | SimulatorRejection {
    const args = parseRefundArgs(body);
    if (isRejection(args)) return args;
    const order = this.get(appid, args.order_id, now);
    if (!order) return reject(SIMULATOR_ERRCODES.ORDER_NOT_FOUND);
    const plan = planRefund(order, args);
    if (isRejection(plan)) return plan;
    if (plan.kind === 'repeat')
      return { refund_order_id: plan.refund_order_id };
    return this.apply(order, args, plan.refund_fee, now);
  }

  /**
   * Finishes every refund in progress, due or not: refunding (6) becomes
   * refunded (5), finished at `now` unless it fell due earlier.
   */
  settleAll(now: number): void {
    const clock = { now, afterMs: this.settleAfterMs, force: true };
    for (const order of this.orders.values()) settleOrder(order, clock);
  }

  /** Forgets the ledger; orders keep their refunds. */
  clearLedger(): void {
    this.entries = [];
  }

  private apply(
    order: SimulatorOrder,
    args: RefundArgs,
    fee: number,
    now: number,
  ): RefundAccepted {
    const refundOrderId = newRefundOrderId();
    if (args.refund_out_id === undefined) {
      order.status = 6;
    } else {
      order.partial_refunds.push(
        newPartial(args.refund_out_id, args.reason, fee, refundOrderId, now),
      );
      if (remainingFee(order) === 0) order.status = 6;
    }
    recordLastRefund(order, args, refundOrderId, now);
    this.entries.push(ledgerEntry(order, args, fee, refundOrderId, now));
    // With settleAfterMs 0 the refund is already due: settle it at once.
    this.settleDue(order, now);
    return { refund_order_id: refundOrderId };
  }

  private settleDue(order: SimulatorOrder, now: number): void {
    settleOrder(order, { now, afterMs: this.settleAfterMs, force: false });
  }
}

function planRefund(
  order: SimulatorOrder,
  args: RefundArgs,
): RefundPlan | SimulatorRejection {
  if (args.refund_fee === undefined || args.refund_out_id === undefined) {
    return planFullRefund(order);
  }
  return planPartialRefund(order, args.refund_fee, args.refund_out_id);
}

/** A partial refund just accepted: refunding, with no finish time yet. */
function newPartial(
  refundOutId: string,
  reason: string,
  fee: number,
  refundOrderId: string,
  now: number,
): SimulatorPartialRefund {
  return {
    refund_order_id: refundOrderId,
    refund_out_id: refundOutId,
    refund_fee: fee,
    refund_reason: reason,
    refund_finish_time: 0,
    refund_status: 6,
    applied_at: now,
  };
}

/**
 * getorder reports the last refund in the order's top-level fields; its
 * finish time stays 0 until it settles.
 */
function recordLastRefund(
  order: SimulatorOrder,
  args: RefundArgs,
  refundOrderId: string,
  now: number,
): void {
  order.refund_order_id = refundOrderId;
  if (args.refund_out_id === undefined) delete order.refund_out_id;
  else order.refund_out_id = args.refund_out_id;
  order.refund_reason = args.reason;
  order.refund_finish_time = 0;
  order.refund_applied_at = now;
}

function ledgerEntry(
  order: SimulatorOrder,
  args: RefundArgs,
  fee: number,
  refundOrderId: string,
  now: number,
): SimulatorLedgerEntry {
  const entry: SimulatorLedgerEntry = {
    appid: order.appid,
    order_id: order.order_id,
    refund_fee: fee,
    refund_order_id: refundOrderId,
    at: now,
  };
  if (args.refund_out_id !== undefined) {
    entry.refund_out_id = args.refund_out_id;
  }
  return entry;
}

function orderKey(appid: string, orderId: string): string {
  return `${appid}\u0000${orderId}`;
}
