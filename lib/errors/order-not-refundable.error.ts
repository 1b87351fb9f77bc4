import { HttpStatus } from '@nestjs/common';
import {
  NontaxError,
  type NontaxErrorCode,
  type RefundState,
} from './nontax.error.js';

/** Why the refundable-amount check refused a refund. */
export type NotRefundableReason =
  'ORDER_NOT_REFUNDABLE' | 'REFUND_EXCEEDS_REFUNDABLE' | 'REFUND_OUT_ID_REUSED';

/**
 * The order, read before sending, cannot take this refund: it is not paid,
 * already refunded or refunding, the partial refund is larger than what is
 * left, or its `refund_out_id` was used for another amount. Nothing was
 * sent.
 */
export class OrderNotRefundableError extends NontaxError {
  readonly code: NontaxErrorCode;
  readonly httpStatus: number;
  override refundState: RefundState = 'rejected';

  constructor(
    reason: NotRefundableReason,
    readonly order_id: string,
    detail: string,
    /** What is left to refund, in fen, when that is the reason. */
    readonly refundable_fee?: number,
  ) {
    super(`Order ${order_id} cannot take this refund: ${detail}`);
    this.code = reason;
    this.httpStatus =
      reason === 'REFUND_EXCEEDS_REFUNDABLE'
        ? HttpStatus.UNPROCESSABLE_ENTITY
        : HttpStatus.CONFLICT;
  }
}
