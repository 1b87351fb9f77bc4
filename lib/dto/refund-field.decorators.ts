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

const VISIBLE = /[^\s\p{Z}\p{C}]/u;
const CONTROL = /\p{Cc}/u;

/** What is wrong with a free text, or `undefined` if nothing is. */
function textProblem(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  if (!value.isWellFormed()) return 'must be valid Unicode (a lone surrogate)';
  if (value.length > max) return `must be at most ${max} UTF-16 code units`;
  if (CONTROL.test(value)) return 'must not contain control characters';
  if (!VISIBLE.test(value)) return 'must contain a visible character';
  return undefined;
}

/**
 * Free text for people: a string of valid Unicode, at most `max` UTF-16
 * code units (what JavaScript's `length` counts, emoji as two), without
 * control characters, with at least one visible character.
 */
export function IsFreeText(max: number): PropertyDecorator {
  return ValidateBy({
    name: 'isFreeText',
    constraints: [max],
    validator: {
      validate: (value: unknown) => textProblem(value, max) === undefined,
      defaultMessage: (args) =>
        `${args?.property} ${textProblem(args?.value, max)}`,
    },
  });
}

/** Present, or the other field of a partial refund is present. */
export function whenPartOfPartialRefund(object: object): boolean {
  const dto = object as Record<string, unknown>;
  return dto.refund_fee !== undefined || dto.refund_out_id !== undefined;
}
