import { HttpService } from '@nestjs/axios';
import { Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import { WechatApiClient } from './http/wechat-api.client.js';
import { WechatHttpClient } from './http/wechat-http.client.js';
import { nontaxHttpProvider } from './http/nontax-http.provider.js';
import { NONTAX_HTTP } from './nontax.constants.js';
import { ConfigurableModuleClass } from './nontax.module-definition.js';
import { RefundService } from './refund/refund.service.js';
import { ClassicAccessTokenStrategy } from './token/classic-access-token.strategy.js';
import { FixedAccessTokenStrategy } from './token/fixed-access-token.strategy.js';
import { StableAccessTokenStrategy } from './token/stable-access-token.strategy.js';
import { tokenStoreProvider } from './token/token-store.provider.js';

/**
 * Refunds of WeChat non-tax payments. Import it with `forRoot(options)`
 * or `forRootAsync({ imports, inject, useFactory })` and inject
 * `RefundService`.
 */
@Module({
  providers: [
    nontaxHttpProvider,
    tokenStoreProvider,
    WechatHttpClient,
    WechatApiClient,
    StableAccessTokenStrategy,
    ClassicAccessTokenStrategy,
    FixedAccessTokenStrategy,
    RefundService,
  ],
  exports: [RefundService],
})
export class NontaxModule
  extends ConfigurableModuleClass
  implements OnModuleDestroy
{
  constructor(@Inject(NONTAX_HTTP) private readonly http: HttpService) {
    super();
  }

  onModuleDestroy(): void {
    // Idle keep-alive sockets would otherwise hold the process open.
    const { httpAgent, httpsAgent } = this.http.axiosRef.defaults;
    (httpAgent as { destroy?: () => void } | undefined)?.destroy?.();
    (httpsAgent as { destroy?: () => void } | undefined)?.destroy?.();
  }
}
