import type { NontaxError } from '../errors/nontax.error.js';
import type { NontaxOrder } from './nontax-order.interface.js';
import type { RefundResult } from './refund-result.interface.js';

/**
 * What reading the order tells of a refund whose answer was lost:
 * - `refunding` / `refunded`: the order shows it (the partial refund with
 *   that `refund_out_id` and amount, or status 6/5 for a full refund);
 * - `not_applied`: the order was read and provably does not hold it;
 * - `unknown`: the order could not be read, or does not say clearly.
 */
export type ReconcileResult =
  | {
      readonly state: 'refunding' | 'refunded';
      readonly refund: RefundResult;
      readonly order: NontaxOrder;
    }
  | {
      readonly state: 'not_applied';
      readonly reason: string;
      readonly order: NontaxOrder;
    }
  | {
      readonly state: 'unknown';
      readonly reason: string;
      /** Why the order could not be read, when that is the reason. */
      readonly error?: NontaxError;
      readonly order?: NontaxOrder;
    };
