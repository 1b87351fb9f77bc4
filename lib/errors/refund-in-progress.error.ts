import { HttpStatus } from '@nestjs/common';
import {
  NontaxError,
  type NontaxErrorCode,
  type RefundState,
} from './nontax.error.js';

/**
 * Another refund of the same order (the whole order, or the same
 * `refund_out_id`) is under way, in this instance or another. This one was
 * refused at once and nothing was sent; try again once the other has
 * finished, and check its outcome first.
 */
export class RefundInProgressError extends NontaxError {
  readonly code: NontaxErrorCode = 'REFUND_IN_PROGRESS';
  override refundState: RefundState = 'rejected';
  readonly httpStatus = HttpStatus.CONFLICT;

  constructor(
    readonly order_id: string,
    readonly refund_out_id?: string,
  ) {
    super(
      `A refund of order ${order_id}` +
        (refund_out_id ? ` with refund_out_id ${refund_out_id}` : ' in full') +
        ' conflicts with a refund of that order already under way; ' +
        'nothing was sent for this request',
    );
  }
}
