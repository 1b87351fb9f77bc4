import {
  IsDefined,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import type { RefundRequest } from '../interfaces/refund-request.interface.js';
import {
  IsFreeText,
  KeepRawValue,
  whenPartOfPartialRefund,
} from './refund-field.decorators.js';

/** Longest accepted `order_id` and `refund_out_id`, in characters. */
export const MAX_ID_LENGTH = 64;

/** Longest accepted `reason`, in UTF-16 code units. */
export const MAX_REASON_LENGTH = 256;

const VISIBLE_ASCII = /^[\x21-\x7e]+$/;
const APPID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * The body of a refund request, for the host's ValidationPipe. Types are
 * never coerced and `null` never means "absent". A partial refund carries
 * `refund_fee` and `refund_out_id` together; a full refund neither.
 */
export class RefundRequestDto implements RefundRequest {
  /** Optional; must be the configured appid when given. */
  @KeepRawValue()
  @ValidateIf((dto: RefundRequestDto) => dto.appid !== undefined)
  @IsString()
  @Matches(APPID, { message: 'appid must be 1 to 32 letters, digits, _ or -' })
  appid?: string;

  @KeepRawValue()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  @Matches(VISIBLE_ASCII, {
    message: 'order_id must be visible ASCII characters without spaces',
  })
  order_id!: string;

  @KeepRawValue()
  @IsFreeText(MAX_REASON_LENGTH)
  reason!: string;

  /** Fen, a positive safe integer; only with `refund_out_id`. */
  @KeepRawValue()
  @ValidateIf(whenPartOfPartialRefund)
  @IsDefined({
    message:
      'refund_fee must be given, not null, with refund_out_id ' +
      '(a partial refund needs both)',
  })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  refund_fee?: number;

  /** Unique for each partial refund; only with `refund_fee`. */
  @KeepRawValue()
  @ValidateIf(whenPartOfPartialRefund)
  @IsDefined({
    message:
      'refund_out_id must be given, not null, with refund_fee ' +
      '(a partial refund needs both)',
  })
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  @Matches(VISIBLE_ASCII, {
    message: 'refund_out_id must be visible ASCII characters without spaces',
  })
  refund_out_id?: string;
}
