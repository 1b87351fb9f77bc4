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
import type {
  SimulatorLedgerEntry,
  SimulatorOrder,
  SimulatorOrderInput,
} from './simulator-types.js';

/** The answer to an accepted refund. */
export interface RefundAccepted {
  refund_order_id: string;
}

/** Orders by appid and order id, and the ledger of money moved. */
export class OrderBook {
  private readonly orders = new Map<string, SimulatorOrder>();
  private entries: SimulatorLedgerEntry[] = [];

  /** Every refund applied since the last `clearLedger`, in order. */
  get ledger(): readonly SimulatorLedgerEntry[] {
    return this.entries;
  }

  /** Adds or replaces an order; returns the live record. */
  add(input: SimulatorOrderInput): SimulatorOrder {
    if (!Number.isSafeInteger(input.fee) || input.fee < 0) {
      throw new RangeError(`fee must be a non-negative integer: ${input.fee}`);
    }
    const order: SimulatorOrder = {
      appid: input.appid,
      order_id: input.order_id,
      fee: input.fee,
      status: input.status ?? 3,
      partial_refunds: [],
    };
    this.orders.set(orderKey(input.appid, input.order_id), order);
    return order;
  }

  /** The live record of an order, if the simulator holds it. */
  get(appid: string, orderId: string): SimulatorOrder | undefined {
    return this.orders.get(orderKey(appid, orderId));
  }

  /** Handles a `/nontax/refund` body already known to belong to `appid`. */
  refund(
    appid: string,
    body: Record<string, unknown>,
    now: number,
  ): RefundAccepted | SimulatorRejection {
    const args = parseRefundArgs(body);
    if (isRejection(args)) return args;
    const order = this.get(appid, args.order_id);
    if (!order) return reject(SIMULATOR_ERRCODES.ORDER_NOT_FOUND);
    const plan = planRefund(order, args);
    if (isRejection(plan)) return plan;
    if (plan.kind === 'repeat')
      return { refund_order_id: plan.refund_order_id };
    return this.apply(order, args, plan.refund_fee, now);
  }

  /** Finishes every refund in progress: refunding (6) becomes refunded (5). */
  settle(): void {
    for (const order of this.orders.values()) {
      if (order.status === 6) order.status = 5;
      for (const partial of order.partial_refunds) partial.refund_status = 5;
    }
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
    const finishTime = Math.floor(now / 1000);
    if (args.refund_out_id === undefined) {
      order.status = 6;
    } else {
      order.partial_refunds.push({
        refund_order_id: refundOrderId,
        refund_out_id: args.refund_out_id,
        refund_fee: fee,
        refund_reason: args.reason,
        refund_finish_time: finishTime,
        refund_status: 6,
      });
      if (remainingFee(order) === 0) order.status = 6;
    }
    recordLastRefund(order, args, refundOrderId, finishTime);
    this.entries.push(ledgerEntry(order, args, fee, refundOrderId, now));
    return { refund_order_id: refundOrderId };
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

/** getorder reports the last refund in the order's top-level fields. */
function recordLastRefund(
  order: SimulatorOrder,
  args: RefundArgs,
  refundOrderId: string,
  finishTime: number,
): void {
  order.refund_order_id = refundOrderId;
  if (args.refund_out_id === undefined) delete order.refund_out_id;
  else order.refund_out_id = args.refund_out_id;
  order.refund_reason = args.reason;
  order.refund_finish_time = finishTime;
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
