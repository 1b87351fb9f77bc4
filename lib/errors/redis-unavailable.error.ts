import { HttpStatus } from '@nestjs/common';
import {
  NontaxError,
  type NontaxErrorCode,
  type RefundState,
} from './nontax.error.js';

/**
 * Redis, which the module shares tokens and refund locks through, did not
 * answer in time or refused the command. Nothing was sent to WeChat: the
 * module fails rather than go on without the shared state, which would
 * let two instances send the same refund or kill each other's tokens.
 */
export class RedisUnavailableError extends NontaxError {
  readonly code: NontaxErrorCode = 'REDIS_UNAVAILABLE';
  readonly httpStatus = HttpStatus.SERVICE_UNAVAILABLE;
  override readonly internal = true;
  // Nothing was sent to WeChat.
  override refundState: RefundState = 'rejected';

  constructor(
    /** What the module was doing, e.g. `refund guard acquire`. */
    readonly operation: string,
    detail: string,
  ) {
    super(`Redis did not answer (${operation}): ${detail}`);
  }
}
