import { HttpStatus } from '@nestjs/common';
import {
  NontaxError,
  type NontaxErrorCode,
  type RefundState,
} from './nontax.error.js';

/**
 * A full refund whose answer was lost was proved not applied by reading
 * the order, and was not resent: only partial refunds, which carry a
 * `refund_out_id` WeChat can recognise, are resent automatically. Nothing
 * moved; sending it again is safe.
 */
export class RefundNotAppliedError extends NontaxError {
  readonly code: NontaxErrorCode = 'REFUND_NOT_APPLIED';
  readonly httpStatus = HttpStatus.BAD_GATEWAY;
  override refundState: RefundState = 'rejected';

  constructor(readonly order_id: string) {
    super(
      `The answer to the full refund of order ${order_id} was lost and ` +
        'the order shows it was not applied; it was not resent. ' +
        'Nothing was refunded: send it again.',
    );
  }
}
