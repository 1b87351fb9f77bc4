import { NontaxConfigError } from '../errors/nontax-config.error.js';

/** @throws NontaxConfigError unless `value` is a non-blank string */
export function requireText(value: unknown, option: string, when = ''): string {
  if (typeof value !== 'string' || value.trim() === '') {
    const suffix = when ? ` ${when}` : '';
    throw new NontaxConfigError(option, `must be a non-empty string${suffix}`);
  }
  return value;
}

/** @throws NontaxConfigError unless `value` is a positive number */
export function checkPositive(value: unknown, option: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new NontaxConfigError(
      option,
      'must be a positive number of milliseconds',
    );
  }
  return value;
}
