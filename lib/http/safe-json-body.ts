/** Keys Nest's ValidationPipe and class-transformer drop without a word. */
const DROPPED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A body the refund endpoints refuse before it is parsed or read. */
export class UnsafeJsonBodyError extends Error {
  readonly status = 400;
  readonly statusCode = 400;
  readonly expose = true;

  constructor(message: string) {
    super(message);
    this.name = 'UnsafeJsonBodyError';
  }
}

/** Options of {@link safeJsonBody}. */
export interface SafeJsonBodyOptions {
  /** @default '16kb' */
  limit?: string | number;
  /** @default 32 */
  maxDepth?: number;
}

/**
 * Options for the JSON body parser of the app that refunds
 * (`app.useBodyParser('json', safeJsonBody())`, or `express.json(...)`).
 * They refuse with 400, before anything reads the body:
 * - a charset other than UTF-8;
 * - a body nested deeper than `maxDepth`: class-transformer walks values
 *   recursively, and a few kilobytes of `[[[[…]]]]` overflow its stack;
 * - a body with a `__proto__`, `constructor` or `prototype` key, at any
 *   depth: the ValidationPipe strips them silently, so
 *   `{"__proto__": {"refund_fee": 5, …}, …}` would read as a full refund.
 */
export function safeJsonBody({
  limit = '16kb',
  maxDepth = 32,
}: SafeJsonBodyOptions = {}) {
  return {
    limit,
    verify: (
      _request: unknown,
      _response: unknown,
      raw: Buffer,
      encoding?: string,
    ) => {
      // The depth count reads bytes as UTF-8; other charsets would hide
      // brackets from it.
      if (encoding && encoding.toLowerCase().replace('-', '') !== 'utf8') {
        throw new UnsafeJsonBodyError('the body must be UTF-8 JSON');
      }
      checkDepth(raw, maxDepth);
    },
    reviver: (key: string, value: unknown) => {
      if (DROPPED_KEYS.has(key)) {
        throw new UnsafeJsonBodyError(`${key} may not be a key of the body`);
      }
      return value;
    },
  };
}

/** Counts brackets outside strings in the raw bytes. */
function checkDepth(raw: Buffer, maxDepth: number): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (inString) {
      if (byte === 0x5c)
        i++; // skip the escaped byte
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      if (++depth > maxDepth) {
        throw new UnsafeJsonBodyError(
          `the body is nested deeper than ${maxDepth} levels`,
        );
      }
    } else if (byte === 0x7d || byte === 0x5d) depth--;
  }
}
