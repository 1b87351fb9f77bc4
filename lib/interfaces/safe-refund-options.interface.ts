/** How `refundSafely` looks for a refund whose answer was lost. */
export interface SafeRefundOptions {
  /**
   * How many times to read the order after a lost answer, per send; 1
   * to 10.
   * @default 3
   */
  checks?: number;

  /**
   * Wait before the first read, in ms (0 to 60000); each next wait
   * doubles. WeChat may take a moment to show a refund it has just taken,
   * and after a timeout the first wait is at least the module's timeout.
   * @default 1000
   */
  firstDelayMs?: number;
}
