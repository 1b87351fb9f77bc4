import { Inject, Injectable } from '@nestjs/common';
import type { WechatAnswer } from '../http/wechat-answer.js';
import { WechatHttpClient } from '../http/wechat-http.client.js';
import {
  ACCESS_TOKEN_STORE,
  NONTAX_OPTIONS,
  TOKEN_FETCH_LOCK,
} from '../nontax.constants.js';
import type { ResolvedNontaxOptions } from '../options/resolve-options.js';
import type { AccessTokenStore } from './access-token-store.interface.js';
import { CachingAccessTokenStrategy } from './caching-access-token.strategy.js';
import type { TokenFetchLock } from './token-fetch-lock.interface.js';

/**
 * Tokens from `GET /cgi-bin/token`. Each fetch makes a new token and kills
 * the previous one five minutes later, so processes that fetch on their
 * own invalidate each other: use it in one process, or with a shared
 * token store.
 */
@Injectable()
export class ClassicAccessTokenStrategy extends CachingAccessTokenStrategy {
  protected readonly mode = 'classic';

  constructor(
    http: WechatHttpClient,
    @Inject(ACCESS_TOKEN_STORE) store: AccessTokenStore,
    @Inject(TOKEN_FETCH_LOCK) lock: TokenFetchLock,
    @Inject(NONTAX_OPTIONS) options: ResolvedNontaxOptions,
  ) {
    super(http, store, lock, options);
  }

  protected fetch(appid: string, secret: string): Promise<WechatAnswer> {
    return this.http.send({
      method: 'GET',
      path: '/cgi-bin/token',
      query: { grant_type: 'client_credential', appid, secret },
    });
  }
}
