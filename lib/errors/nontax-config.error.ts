/**
 * The options given to `NontaxModule` are wrong. Thrown while the
 * application starts, naming the option and what it should be.
 */
export class NontaxConfigError extends Error {
  constructor(
    /** The option at fault, e.g. `timeout`. */
    readonly option: string,
    problem: string,
  ) {
    super(`NontaxModule option "${option}" ${problem}`);
    this.name = 'NontaxConfigError';
  }
}
