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
 * Tokens from `POST /cgi-bin/stable_token` in normal mode. WeChat hands
 * every caller the same token while it is valid, so instances fetching on
 * their own do not invalidate each other. `force_refresh` is never sent:
 * it kills the token other instances hold and is limited to 20 a day.
 */
@Injectable()
export class StableAccessTokenStrategy extends CachingAccessTokenStrategy {
  protected readonly mode = 'stable';

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
      method: 'POST',
      path: '/cgi-bin/stable_token',
      query: {},
      body: {
        grant_type: 'client_credential',
        appid,
        secret,
        force_refresh: false,
      },
    });
  }
}
