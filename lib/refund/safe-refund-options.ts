import type { SafeRefundOptions } from '../interfaces/safe-refund-options.interface.js';

function wholeNumber(
  value: number,
  name: string,
  min: number,
  max: number,
): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(
      `refundSafely option ${name} must be a whole number from ${min} to ${max}`,
    );
  }
  return value;
}

/**
 * Defaults and bounds: a handful of reads, waits Node's timers can hold.
 * @throws RangeError naming the option
 */
export function resolveSafeRefundOptions(
  options: SafeRefundOptions,
): Required<SafeRefundOptions> {
  return {
    checks: wholeNumber(options.checks ?? 3, 'checks', 1, 10),
    firstDelayMs: wholeNumber(
      options.firstDelayMs ?? 1000,
      'firstDelayMs',
      0,
      60_000,
    ),
  };
}
