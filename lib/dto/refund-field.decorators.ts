import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';

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

/**
 * Validates a field with one function that names the first thing wrong,
 * so that a client gets one clear message per field. It also runs when
 * the value is missing: `problem` decides what absence means.
 */
export function Satisfies(
  name: string,
  problem: (value: unknown, object: object) => string | undefined,
): PropertyDecorator {
  return ValidateBy({
    name,
    validator: {
      validate: (value, args) => problem(value, args!.object) === undefined,
      defaultMessage: (args) =>
        `${args!.property} ${problem(args!.value, args!.object)}`,
    },
  });
}

/** Whether either field of a partial refund is present (even as null). */
export function whenPartOfPartialRefund(object: object): boolean {
  const dto = object as Record<string, unknown>;
  return dto.refund_fee !== undefined || dto.refund_out_id !== undefined;
}
