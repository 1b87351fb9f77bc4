import { HttpService } from '@nestjs/axios';
import { Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import { WechatApiClient } from './http/wechat-api.client.js';
import { WechatHttpClient } from './http/wechat-http.client.js';
import { nontaxHttpProvider } from './http/nontax-http.provider.js';
import { NONTAX_HTTP, NONTAX_REDIS } from './nontax.constants.js';
import { ConfigurableModuleClass } from './nontax.module-definition.js';
import { OrderService } from './order/order.service.js';
import { RefundService } from './refund/refund.service.js';
import { ClassicAccessTokenStrategy } from './token/classic-access-token.strategy.js';
import { FixedAccessTokenStrategy } from './token/fixed-access-token.strategy.js';
import { StableAccessTokenStrategy } from './token/stable-access-token.strategy.js';
import type { NontaxRedis } from './redis/nontax-redis.js';
import { nontaxRedisProvider } from './redis/nontax-redis.provider.js';
import {
  refundGuardProvider,
  tokenFetchLockProvider,
  tokenStoreProvider,
} from './redis/shared-state.providers.js';

/**
 * Refunds of WeChat non-tax payments. Import it with `forRoot(options)`
 * or `forRootAsync({ imports, inject, useFactory })` and inject
 * `RefundService`.
 */
@Module({
  providers: [
    nontaxHttpProvider,
    nontaxRedisProvider,
    tokenStoreProvider,
    tokenFetchLockProvider,
    refundGuardProvider,
    WechatHttpClient,
    WechatApiClient,
    StableAccessTokenStrategy,
    ClassicAccessTokenStrategy,
    FixedAccessTokenStrategy,
    OrderService,
    RefundService,
  ],
  exports: [RefundService, OrderService],
})
export class NontaxModule
  extends ConfigurableModuleClass
  implements OnModuleDestroy
{
  constructor(
    @Inject(NONTAX_HTTP) private readonly http: HttpService,
    @Inject(NONTAX_REDIS) private readonly redis: NontaxRedis | null,
  ) {
    super();
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.close();
    // Idle keep-alive sockets would otherwise hold the process open.
    const { httpAgent, httpsAgent } = this.http.axiosRef.defaults;
    (httpAgent as { destroy?: () => void } | undefined)?.destroy?.();
    (httpsAgent as { destroy?: () => void } | undefined)?.destroy?.();
  }
}
