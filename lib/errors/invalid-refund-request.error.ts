import { HttpStatus } from '@nestjs/common';
import {
  NontaxError,
  type NontaxErrorCode,
  type RefundState,
} from './nontax.error.js';

/**
 * A refund request given to `RefundService` in code (not through the
 * ValidationPipe) broke the rules of `RefundRequestDto`. Nothing was sent.
 */
export class InvalidRefundRequestError extends NontaxError {
  readonly code: NontaxErrorCode = 'INVALID_REFUND_REQUEST';
  override refundState?: RefundState = 'rejected';
  readonly httpStatus = HttpStatus.BAD_REQUEST;

  constructor(
    /** One message per broken rule, each naming its field. */
    readonly problems: readonly string[],
    /** What was asked for: `refund`, or `order` for an order read. */
    subject: 'refund' | 'order' = 'refund',
  ) {
    super(`Invalid ${subject} request: ${problems.join('; ')}`);
    // An order read moves no money: there is no refund to speak of.
    if (subject === 'order') this.refundState = undefined;
  }
}
