import { HttpStatus } from '@nestjs/common';
import {
  NontaxError,
  type NontaxErrorCode,
  type RefundState,
} from './nontax.error.js';

/** A request named an appid this module was not configured with. */
export class AppidNotConfiguredError extends NontaxError {
  readonly code: NontaxErrorCode = 'APPID_NOT_CONFIGURED';
  override refundState: RefundState = 'rejected';
  readonly httpStatus = HttpStatus.BAD_REQUEST;

  constructor(readonly appid: string) {
    super(
      `appid ${appid} is not the account this service refunds for; ` +
        'leave appid out to use the configured one',
    );
  }
}
