import { Transform } from 'class-transformer';
import { ValidateBy, buildMessage } from 'class-validator';

/**
 * Keeps the value exactly as the client sent it. The host's
 * ValidationPipe may enable implicit conversion, which would turn `"100"`
 * into 100 or `123` into `"123"` before validation; this undoes it, so the
 * DTO gives the same verdict under every pipe setting.
 */
export function KeepRawValue(): PropertyDecorator {
  return Transform(({ obj, key }) => (obj as Record<string, unknown>)[key], {
    toClassOnly: true,
  });
}

/** A string with at least one non-blank character and no lone surrogate. */
export function IsNonBlankText(): PropertyDecorator {
  return ValidateBy({
    name: 'isNonBlankText',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && /\S/.test(value) && value.isWellFormed(),
      defaultMessage: buildMessage(
        (each) =>
          `${each}$property must be a non-blank string of valid Unicode`,
      ),
    },
  });
}

/** Present, or the other field of a partial refund is present. */
export function whenPartOfPartialRefund(object: object): boolean {
  const dto = object as Record<string, unknown>;
  return dto.refund_fee !== undefined || dto.refund_out_id !== undefined;
}
