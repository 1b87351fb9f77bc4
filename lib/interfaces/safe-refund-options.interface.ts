/** How `refundSafely` looks for a refund whose answer was lost. */
export interface SafeRefundOptions {
  /**
   * How many times to read the order after a lost answer, per send.
   * @default 3
   */
  checks?: number;

  /**
   * Wait before the first read, in ms; each next wait doubles. WeChat may
   * take a moment to show a refund it has just taken.
   * @default 1000
   */
  firstDelayMs?: number;
}
