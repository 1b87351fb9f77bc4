import type { Redis } from 'ioredis';

/**
 * Redis shared by every instance of the app: access tokens, the lock that
 * lets one instance fetch a token at a time, and the refund guard. Give
 * either `client` or `url`.
 */
export interface NontaxRedisOptions {
  /**
   * An ioredis client your app already has, e.g. injected into the
   * `forRootAsync` factory. The module neither configures nor closes it.
   * Create it with `enableOfflineQueue: false`: with the default offline
   * queue, commands given up on during an outage still run when Redis
   * comes back, and a refund hold taken that way blocks the order until
   * it expires.
   */
  client?: Redis;

  /**
   * A `redis://` URL. The module then makes its own client (failing fast
   * while Redis is down, reconnecting by itself) and closes it on
   * shutdown. Needs the `ioredis` package.
   */
  url?: string;

  /**
   * Put before every key, so several apps can share one Redis.
   * @default 'nontax:'
   */
  keyPrefix?: string;

  /**
   * How long one Redis command may take, in milliseconds, before the call
   * fails with `RedisUnavailableError`.
   * @default 1000
   */
  commandTimeout?: number;
}
