import { Inject, Injectable } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import type { AxiosResponse } from 'axios';
import { firstValueFrom } from 'rxjs';
import { WechatRequestError } from '../errors/wechat-request.error.js';
import { NONTAX_HTTP, NONTAX_OPTIONS } from '../nontax.constants.js';
import type { ResolvedNontaxOptions } from '../options/resolve-options.js';
import { classifyFailure } from './classify-failure.js';
import { parseAnswer, type WechatAnswer } from './wechat-answer.js';

/** One HTTP call to WeChat. */
export interface WechatCall {
  readonly method: 'GET' | 'POST';
  /** The path, e.g. `/nontax/refund`. */
  readonly path: string;
  /** Query parameters; may hold the token or the AppSecret. */
  readonly query: Readonly<Record<string, string>>;
  readonly body?: object;
}

/** Bodies WeChat sends are small; anything bigger is not WeChat. */
const MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * Sends calls to WeChat and returns the JSON object it answered with.
 * Every failure becomes a {@link WechatRequestError} made of the path, a
 * failure kind and a status: the query (token, AppSecret) never reaches an
 * error, and the HTTP client's own error is dropped.
 */
@Injectable()
export class WechatHttpClient {
  constructor(
    @Inject(NONTAX_HTTP) private readonly http: HttpService,
    @Inject(NONTAX_OPTIONS) private readonly options: ResolvedNontaxOptions,
  ) {}

  /**
   * @throws WechatRequestError on a transport failure or a body that is
   * not a JSON object
   */
  async send(call: WechatCall): Promise<WechatAnswer> {
    const response = await this.exchange(call);
    const answer = parseAnswer(response.data);
    // Only a 200 is WeChat's answer: a JSON errcode under another status
    // may come from a gateway in between, and says nothing of the call.
    if (response.status === 200 && answer) return answer;
    const failure = response.status === 200 ? 'bad-body' : 'http-status';
    const detail =
      response.status === 200
        ? 'the body is not a JSON object'
        : `HTTP ${response.status} without a WeChat answer`;
    throw new WechatRequestError(call.path, failure, detail, response.status);
  }

  private async exchange(call: WechatCall): Promise<AxiosResponse<unknown>> {
    const { timeout } = this.options;
    try {
      return await firstValueFrom(
        this.http.request<unknown>({
          method: call.method,
          url: this.options.baseUrl + call.path,
          params: call.query,
          data: call.body,
          timeout,
          signal: AbortSignal.timeout(timeout),
          responseType: 'text',
          transformResponse: [(data: unknown) => data],
          validateStatus: () => true,
          maxRedirects: 0,
          maxContentLength: MAX_ANSWER_BYTES,
        }),
      );
    } catch (error) {
      throw this.toRequestError(call.path, error);
    }
  }

  private toRequestError(path: string, error: unknown): WechatRequestError {
    const failure = classifyFailure(error);
    const detail =
      failure === 'timeout'
        ? `no complete answer within ${this.options.timeout} ms`
        : describeFailure(failure);
    return new WechatRequestError(path, failure, detail);
  }
}

function describeFailure(failure: string): string {
  switch (failure) {
    case 'connection-reset':
      return 'the connection was closed before the answer came';
    case 'connection-refused':
      return 'the connection was refused; nothing was sent';
    case 'dns':
      return 'the host name could not be resolved; nothing was sent';
    case 'bad-body':
      return 'the answer could not be read (too large or malformed)';
    default:
      return 'the request failed in transport';
  }
}
