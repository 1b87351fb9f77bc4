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
  override refundState: RefundState = 'rejected';
  readonly httpStatus = HttpStatus.BAD_REQUEST;

  constructor(
    /** One message per broken rule, each naming its field. */
    readonly problems: readonly string[],
  ) {
    super(`Invalid refund request: ${problems.join('; ')}`);
  }
}
