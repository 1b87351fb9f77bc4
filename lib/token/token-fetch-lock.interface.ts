/** Gives the lock back; never throws. */
export type ReleaseLock = () => Promise<void>;

/**
 * Lets one holder at a time fetch the token for a key. In one process the
 * strategies' own single flight is enough; across instances the Redis
 * lock makes the others wait for the stored token instead of fetching.
 */
export interface TokenFetchLock {
  /**
   * Takes the lock for `key` for at most `ttlMs`.
   * @returns how to release it, or `undefined` when another holds it
   */
  tryAcquire(key: string, ttlMs: number): Promise<ReleaseLock | undefined>;
}
