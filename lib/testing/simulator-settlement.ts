import type {
  SimulatorOrder,
  SimulatorPartialRefund,
} from './simulator-types.js';

/**
 * When refunds settle. WeChat settles on its own some time after accepting
 * a refund; the simulator works that out from timestamps whenever an order
 * is looked at, so no timer outlives a test.
 */
export interface SettleClock {
  /** The current time, `Date.now()`. */
  now: number;
  /** How long a refund stays refunding, ms. */
  afterMs: number;
  /** Settle everything still refunding at `now`, due or not. */
  force: boolean;
}

/**
 * Settles what is due on one order: partial refunds first, then the order
 * itself, which stays refunding (6) while any of its partials does.
 */
export function settleOrder(order: SimulatorOrder, clock: SettleClock): void {
  for (const partial of order.partial_refunds) {
    settlePartial(order, partial, clock);
  }
  if (order.status !== 6 || order.partial_refunds.some(isRefunding)) return;
  const at = settledAt(order.refund_applied_at, clock);
  if (at === undefined) return;
  order.status = 5;
  // An order added at 6 had no refund here: it has no finish time to set.
  if (order.refund_applied_at !== undefined) {
    order.refund_finish_time = toSeconds(at);
  }
}

function settlePartial(
  order: SimulatorOrder,
  partial: SimulatorPartialRefund,
  clock: SettleClock,
): void {
  if (partial.refund_status !== 6) return;
  const at = settledAt(partial.applied_at, clock);
  if (at === undefined) return;
  partial.refund_status = 5;
  partial.refund_finish_time = toSeconds(at);
  // The order's top-level refund fields mirror its last refund.
  if (partial.refund_order_id === order.refund_order_id) {
    order.refund_finish_time = partial.refund_finish_time;
  }
}

/**
 * When a refund applied at `appliedAt` settled, or undefined if it has not
 * yet. A due refund settled when it fell due, not when someone looked.
 */
function settledAt(
  appliedAt: number | undefined,
  clock: SettleClock,
): number | undefined {
  const due = appliedAt === undefined ? undefined : appliedAt + clock.afterMs;
  if (due !== undefined && due <= clock.now) return due;
  return clock.force ? clock.now : undefined;
}

function isRefunding(partial: SimulatorPartialRefund): boolean {
  return partial.refund_status === 6;
}

function toSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
