import type { AccessTokenStore } from '../token/access-token-store.interface.js';
import type { WechatErrcodeOverride } from '../options/resolve-errcodes.js';
import type { NontaxRedisOptions } from './nontax-redis-options.interface.js';

/**
 * How the built-in strategies get access tokens:
 * - `stable`: `POST /cgi-bin/stable_token` in normal mode. Several
 *   processes can fetch on their own without killing each other's tokens.
 * - `classic`: `GET /cgi-bin/token`. Each fetch kills the previous token
 *   after five minutes, so run one process, or share the token store.
 * - `fixed`: a token given in `accessToken`, never refreshed; for tests.
 */
export type NontaxTokenMode = 'stable' | 'classic' | 'fixed';

/** Options of `NontaxModule.forRoot()` and `forRootAsync()`. */
export interface NontaxModuleOptions {
  /** The appid of the account that took the payments, `wx...`. */
  appid: string;

  /**
   * The account's AppSecret. Needed by the `stable` and `classic` token
   * modes; never logged and never part of a cache key or an error.
   */
  secret?: string;

  /**
   * How access tokens are obtained. Ignored when a custom strategy class
   * is given as `accessTokenStrategy`.
   * @default 'stable'
   */
  tokenMode?: NontaxTokenMode;

  /** The token to use in `fixed` mode. */
  accessToken?: string;

  /**
   * Where WeChat is. Point it at the simulator in tests.
   * @default 'https://api.weixin.qq.com'
   */
  baseUrl?: string;

  /**
   * How long a call to WeChat may take, in milliseconds, from sending to
   * the whole answer. Must be positive: a call without a timeout could
   * hang a refund forever.
   * @default 10000
   */
  timeout?: number;

  /**
   * How long before WeChat's `expires_in` a cached token is treated as
   * expired, in seconds, counted from before the fetch was sent. WeChat
   * rotates stable tokens in their last five minutes. For short-lived
   * tokens the margin is capped at half the lifetime.
   * @default 300
   */
  tokenRefreshMarginSeconds?: number;

  /**
   * Where access tokens are cached. Wins over the Redis store.
   * @default the Redis store with `redis`, else one in memory
   */
  tokenStore?: AccessTokenStore;

  /**
   * Share tokens, the token-fetch lock and the refund guard between
   * instances through Redis. Without it all three live in this process.
   */
  redis?: NontaxRedisOptions;

  /**
   * How long an instance waits for another instance's token fetch before
   * it fails with `AccessTokenError`, in milliseconds. The fetch lock
   * itself lasts `timeout` + 1 s, so the default outlasts a holder that
   * died and leaves time for one fetch after it.
   * @default 2 × `timeout` + 2000
   */
  tokenLockWaitMs?: number;

  /**
   * How long a refund's hold in the Redis guard lasts if the process dies
   * before releasing it, in milliseconds. While the refund runs the hold
   * is renewed every third of this, so a slow call keeps it.
   * @default 8 × `timeout` + `tokenLockWaitMs`
   */
  refundGuardTtlMs?: number;

  /**
   * Errcodes WeChat does not document, as you have learned them (from
   * WeChat support, or your logs): meaning and HTTP status. Unknown
   * errcodes otherwise map to 422. The simulator's are exported as
   * `SIMULATOR_ERRCODE_OVERRIDES` from `nestjs-wechat-nontax/testing`.
   * -1 and the token errcodes cannot be overridden.
   */
  errcodes?: Readonly<Record<number, WechatErrcodeOverride>>;

  /**
   * Read the order before a refund and refuse locally, with nothing sent,
   * a refund the order cannot take (not paid, already refunded or
   * refunding, more than what is left, a reused `refund_out_id`).
   * `partial` checks partial refunds only; `all` full refunds too.
   * @default 'partial'
   */
  refundableCheck?: 'partial' | 'all' | 'off';
}
