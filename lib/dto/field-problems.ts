// Each function says what is wrong with one field's value, in words that
// follow the field's name, or `undefined` when nothing is. One message a
// field: "refund_fee must be a number of fen, not a string".

const VISIBLE = /[^\s\p{Z}\p{C}]/u;
const CONTROL = /\p{Cc}/u;
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

/** `a string`, `null`, `an array`, ... for messages. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}

/** For a value that must be there; `partner` names the other half. */
export function missing(value: unknown, partner?: string): string | undefined {
  if (value !== undefined && value !== null) return undefined;
  return partner
    ? `must be given, not null, with ${partner} (a partial refund needs both)`
    : 'must be given, not null';
}

/** An amount in fen: a positive safe integer, never a numeric string. */
export function feeProblem(value: unknown): string | undefined {
  if (typeof value !== 'number')
    return `must be a number of fen, not ${kindOf(value)}`;
  if (!Number.isSafeInteger(value)) {
    return 'must be a whole number of fen no larger than 2^53 - 1';
  }
  return value < 1 ? 'must be at least 1 fen' : undefined;
}

/** An id: 1 to `max` visible ASCII characters, no spaces. */
export function idProblem(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string')
    return `must be a string, not ${kindOf(value)}`;
  if (value.length < 1 || value.length > max) {
    return `must be 1 to ${max} characters long`;
  }
  return VISIBLE_ASCII.test(value)
    ? undefined
    : 'must be visible ASCII characters without spaces';
}

/** Free text: valid Unicode, bounded, no controls, something visible. */
export function textProblem(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string')
    return `must be a string, not ${kindOf(value)}`;
  if (!value.isWellFormed()) return 'must be valid Unicode (a lone surrogate)';
  if (value.length > max) return `must be at most ${max} UTF-16 code units`;
  if (CONTROL.test(value)) return 'must not contain control characters';
  return VISIBLE.test(value) ? undefined : 'must contain a visible character';
}
