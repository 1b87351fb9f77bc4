import { Inject, Injectable, Logger } from '@nestjs/common';
import { describeErrcode, isTokenErrcode } from '../errors/errcode-table.js';
import { AccessTokenError } from '../errors/access-token.error.js';
import { WechatApiError } from '../errors/wechat-api.error.js';
import { WechatRequestError } from '../errors/wechat-request.error.js';
import { ACCESS_TOKEN_STRATEGY, NONTAX_OPTIONS } from '../nontax.constants.js';
import type { ResolvedNontaxOptions } from '../options/resolve-options.js';
import type { AccessTokenStrategy } from '../token/access-token-strategy.interface.js';
import { readErrcode, readErrmsg, type WechatAnswer } from './wechat-answer.js';
import { redactSecrets } from './redact.js';
import { WechatHttpClient } from './wechat-http.client.js';

/**
 * Calls WeChat endpoints that take `access_token` in the query. The one
 * automatic retry lives here: after a token errcode (40001, 40014, 41001,
 * 42001) the token is invalidated and the call sent once more with a
 * fresh one. Nothing else is ever resent.
 */
@Injectable()
export class WechatApiClient {
  private readonly logger = new Logger(WechatApiClient.name);

  constructor(
    private readonly http: WechatHttpClient,
    @Inject(ACCESS_TOKEN_STRATEGY)
    private readonly tokens: AccessTokenStrategy,
    @Inject(NONTAX_OPTIONS) private readonly options: ResolvedNontaxOptions,
  ) {}

  /**
   * POSTs `body` to `path` for `appid`.
   * @returns the answer, whose errcode is 0
   * @throws WechatApiError for a non-zero errcode
   * @throws WechatRequestError for a transport failure or unreadable body
   * @throws AccessTokenError when no token could be had
   */
  async post(path: string, appid: string, body: object): Promise<WechatAnswer> {
    const first = await this.postWithToken(path, appid, body);
    const errcode = readErrcode(first.answer);
    if (errcode === null || errcode === undefined || !isTokenErrcode(errcode)) {
      return this.accept(path, first);
    }
    this.logger.debug(
      `${path} refused the access token of ${appid} (errcode ${errcode}); ` +
        'retrying once with a fresh one',
    );
    await this.tokens.invalidate(appid, first.token);
    const second = await this.postWithToken(path, appid, body);
    return this.accept(path, second);
  }

  private async postWithToken(path: string, appid: string, body: object) {
    const token = await this.tokens.getAccessToken(appid);
    if (typeof token !== 'string' || token === '') {
      throw new AccessTokenError(appid, 'custom', 'the strategy gave no token');
    }
    const answer = await this.http.send({
      method: 'POST',
      path,
      query: { access_token: token },
      body,
    });
    return { token, answer };
  }

  private accept(
    path: string,
    { token, answer }: { token: string; answer: WechatAnswer },
  ): WechatAnswer {
    const errcode = readErrcode(answer);
    if (errcode === 0) return scrub(answer, token);
    if (errcode === undefined || errcode === null) {
      throw new WechatRequestError(
        path,
        'bad-body',
        'the answer has no numeric errcode',
      );
    }
    const errmsg = redactSecrets(readErrmsg(answer), [token]);
    const info = this.options.errcodes.get(errcode) ?? describeErrcode(errcode);
    throw new WechatApiError(errcode, errmsg, path, info);
  }
}

/** An answer that echoes the token (a proxy's doing) loses it. */
function scrub(answer: WechatAnswer, token: string): WechatAnswer {
  const entries = Object.entries(answer).map(([key, value]) => [
    key,
    typeof value === 'string' ? redactSecrets(value, [token]) : value,
  ]);
  return Object.fromEntries(entries) as WechatAnswer;
}
