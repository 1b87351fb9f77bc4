import type { FactoryProvider } from '@nestjs/common';
import { MemoryRefundGuard } from '../guard/memory-refund.guard.js';
import type { RefundGuard } from '../guard/refund-guard.interface.js';
import {
  ACCESS_TOKEN_STORE,
  NONTAX_OPTIONS,
  NONTAX_REDIS,
  REFUND_GUARD,
  TOKEN_FETCH_LOCK,
} from '../nontax.constants.js';
import type { ResolvedNontaxOptions } from '../options/resolve-options.js';
import type { AccessTokenStore } from '../token/access-token-store.interface.js';
import { LocalTokenFetchLock } from '../token/local-token-fetch.lock.js';
import { MemoryAccessTokenStore } from '../token/memory-access-token.store.js';
import type { TokenFetchLock } from '../token/token-fetch-lock.interface.js';
import type { NontaxRedis } from './nontax-redis.js';
import { RedisAccessTokenStore } from './redis-access-token.store.js';
import { RedisRefundGuard } from './redis-refund.guard.js';
import { RedisTokenFetchLock } from './redis-token-fetch.lock.js';

// What instances share: in Redis when the `redis` option is set, else in
// this process.

export const tokenStoreProvider: FactoryProvider<AccessTokenStore> = {
  provide: ACCESS_TOKEN_STORE,
  useFactory: (options: ResolvedNontaxOptions, redis: NontaxRedis | null) =>
    options.tokenStore ??
    (redis ? new RedisAccessTokenStore(redis) : new MemoryAccessTokenStore()),
  inject: [NONTAX_OPTIONS, NONTAX_REDIS],
};

export const tokenFetchLockProvider: FactoryProvider<TokenFetchLock> = {
  provide: TOKEN_FETCH_LOCK,
  useFactory: (redis: NontaxRedis | null) =>
    redis ? new RedisTokenFetchLock(redis) : new LocalTokenFetchLock(),
  inject: [NONTAX_REDIS],
};

export const refundGuardProvider: FactoryProvider<RefundGuard> = {
  provide: REFUND_GUARD,
  useFactory: (options: ResolvedNontaxOptions, redis: NontaxRedis | null) =>
    redis
      ? new RedisRefundGuard(redis, options.refundGuardTtlMs)
      : new MemoryRefundGuard(),
  inject: [NONTAX_OPTIONS, NONTAX_REDIS],
};
