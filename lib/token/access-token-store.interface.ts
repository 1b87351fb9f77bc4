/** A cached access token and when it stops being usable. */
export interface CachedAccessToken {
  readonly token: string;
  /** Epoch milliseconds after which the token must not be used. */
  readonly expiresAt: number;
}

/**
 * Where the built-in token strategies keep tokens. Keys name the appid and
 * the token mode, never the AppSecret. The in-memory store serves one
 * process; a shared store serves many instances.
 */
export interface AccessTokenStore {
  /** The token under `key`, or `undefined` if none or expired. */
  get(key: string): Promise<CachedAccessToken | undefined>;

  /** Stores `value` under `key` until `value.expiresAt`. */
  set(key: string, value: CachedAccessToken): Promise<void>;

  /**
   * Removes the token under `key` only if it is `token`.
   * @returns whether it was removed
   */
  deleteIfEquals(key: string, token: string): Promise<boolean>;
}
