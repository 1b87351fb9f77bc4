/** What a refund locks: the order, and the partial refund's own id. */
export interface RefundTarget {
  readonly appid: string;
  readonly order_id: string;
  /** Absent for a full refund, which locks the whole order. */
  readonly refund_out_id?: string;
}

/** Ends the hold on a refund; never throws. */
export type ReleaseRefund = () => Promise<void>;

/**
 * Keeps at most one refund in flight per (appid, order_id,
 * refund_out_id). A full refund excludes every other refund of the order;
 * partial refunds with different `refund_out_id`s may run side by side.
 */
export interface RefundGuard {
  /**
   * @returns how to release the hold, whatever the refund's outcome
   * @throws RefundInProgressError when a conflicting refund is in flight
   * @throws RedisUnavailableError when the shared guard cannot be reached
   */
  acquire(target: RefundTarget): Promise<ReleaseRefund>;
}
