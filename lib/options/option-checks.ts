import { NontaxConfigError } from '../errors/nontax-config.error.js';

/** @throws NontaxConfigError unless `value` is a non-blank string */
export function requireText(value: unknown, option: string, when = ''): string {
  if (typeof value !== 'string' || value.trim() === '') {
    const suffix = when ? ` ${when}` : '';
    throw new NontaxConfigError(option, `must be a non-empty string${suffix}`);
  }
  return value;
}

/** The longest delay Node's timers take (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * @throws NontaxConfigError unless `value` is a whole number of
 * milliseconds that Node's timers accept (1 to 2^31 - 1)
 */
export function checkMillis(value: unknown, option: string): number {
  if (!Number.isInteger(value) || (value as number) < 1) {
    throw new NontaxConfigError(
      option,
      'must be a positive whole number of milliseconds',
    );
  }
  if ((value as number) > MAX_TIMER_MS) {
    throw new NontaxConfigError(option, `must be at most ${MAX_TIMER_MS} ms`);
  }
  return value as number;
}
