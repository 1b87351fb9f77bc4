import { ValidateIf } from 'class-validator';
import type { RefundRequest } from '../interfaces/refund-request.interface.js';
import {
  feeProblem,
  idProblem,
  missing,
  textProblem,
} from './field-problems.js';
import {
  KeepRawValue,
  Satisfies,
  whenPartOfPartialRefund,
} from './refund-field.decorators.js';

/** Longest accepted `order_id` and `refund_out_id`, in characters. */
export const MAX_ID_LENGTH = 64;

/** Longest accepted `reason`, in UTF-16 code units. */
export const MAX_REASON_LENGTH = 256;

/** Longest accepted `appid`; WeChat's are 18 characters. */
export const MAX_APPID_LENGTH = 32;

const APPID = /^[A-Za-z0-9_-]+$/;

/**
 * The body of a refund request, for the host's ValidationPipe. Types are
 * never coerced and `null` never means "absent". A partial refund carries
 * `refund_fee` and `refund_out_id` together; a full refund neither. Each
 * broken field gets one message that names it.
 */
export class RefundRequestDto implements RefundRequest {
  /** Optional; must be the configured appid when given. */
  @KeepRawValue()
  @ValidateIf((dto: RefundRequestDto) => dto.appid !== undefined)
  @Satisfies('isAppid', (value) =>
    typeof value === 'string' &&
    value.length <= MAX_APPID_LENGTH &&
    APPID.test(value)
      ? undefined
      : `must be 1 to ${MAX_APPID_LENGTH} letters, digits, _ or -`,
  )
  appid?: string;

  @KeepRawValue()
  @Satisfies(
    'isOrderId',
    (value) => missing(value) ?? idProblem(value, MAX_ID_LENGTH),
  )
  order_id!: string;

  @KeepRawValue()
  @Satisfies(
    'isReason',
    (value) => missing(value) ?? textProblem(value, MAX_REASON_LENGTH),
  )
  reason!: string;

  /** Fen, a positive safe integer; only with `refund_out_id`. */
  @KeepRawValue()
  @ValidateIf(whenPartOfPartialRefund)
  @Satisfies(
    'isRefundFee',
    (value) => missing(value, 'refund_out_id') ?? feeProblem(value),
  )
  refund_fee?: number;

  /** Unique for each partial refund; only with `refund_fee`. */
  @KeepRawValue()
  @ValidateIf(whenPartOfPartialRefund)
  @Satisfies(
    'isRefundOutId',
    (value) => missing(value, 'refund_fee') ?? idProblem(value, MAX_ID_LENGTH),
  )
  refund_out_id?: string;
}
