/** Injection token of the resolved, checked module options. */
export const NONTAX_OPTIONS = Symbol('NONTAX_OPTIONS');

/** Injection token of the `AccessTokenStrategy` in use. */
export const ACCESS_TOKEN_STRATEGY = Symbol('ACCESS_TOKEN_STRATEGY');

/** Injection token of the `AccessTokenStore` the built-ins cache in. */
export const ACCESS_TOKEN_STORE = Symbol('ACCESS_TOKEN_STORE');

/** Injection token of the module's own `HttpService` (axios instance). */
export const NONTAX_HTTP = Symbol('NONTAX_HTTP');

/** Injection token of the module's `NontaxRedis`, or `null` without Redis. */
export const NONTAX_REDIS = Symbol('NONTAX_REDIS');

/** Injection token of the `TokenFetchLock`. */
export const TOKEN_FETCH_LOCK = Symbol('TOKEN_FETCH_LOCK');

/** Injection token of the `RefundGuard`. */
export const REFUND_GUARD = Symbol('REFUND_GUARD');
