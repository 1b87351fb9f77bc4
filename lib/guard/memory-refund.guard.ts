import { RefundInProgressError } from '../errors/refund-in-progress.error.js';
import type {
  RefundGuard,
  RefundTarget,
  ReleaseRefund,
} from './refund-guard.interface.js';

const FULL = '';

/**
 * The guard for one process. Holders per order: `''` for a full refund,
 * the `refund_out_id` for a partial one.
 */
export class MemoryRefundGuard implements RefundGuard {
  private readonly orders = new Map<string, Set<string>>();

  async acquire(target: RefundTarget): Promise<ReleaseRefund> {
    const orderKey = `${target.appid}\u0000${target.order_id}`;
    const holders = this.orders.get(orderKey) ?? new Set<string>();
    const mine = target.refund_out_id ?? FULL;
    const conflict =
      holders.has(FULL) ||
      holders.has(mine) ||
      (mine === FULL && holders.size > 0);
    if (conflict) {
      throw new RefundInProgressError(target.order_id, target.refund_out_id);
    }
    holders.add(mine);
    this.orders.set(orderKey, holders);
    let released = false;
    return async () => {
      // Twice must not free a hold someone else took meanwhile.
      if (released) return;
      released = true;
      holders.delete(mine);
      if (holders.size === 0) this.orders.delete(orderKey);
    };
  }
}
