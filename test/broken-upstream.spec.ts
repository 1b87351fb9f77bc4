import 'reflect-metadata';
import { Test, type TestingModule } from '@nestjs/testing';
import {
  NontaxModule,
  RefundOutcomeUnknownError,
  RefundService,
  WechatApiError,
} from '../lib/index.js';
import { rejectionOf } from './support/nontax-harness.js';
import { RawUpstream, json, type RawAnswer } from './support/raw-upstream.js';

const TOKEN = `fixed-token-${Math.random().toString(36).slice(2)}`;

describe('answers that are not WeChat answering', () => {
  let upstream: RawUpstream;
  let moduleRef: TestingModule;

  async function refundAgainst(answer: RawAnswer): Promise<unknown> {
    upstream = await RawUpstream.start(answer);
    moduleRef = await Test.createTestingModule({
      imports: [
        NontaxModule.forRoot({
          appid: 'wx6cc9648de104270d',
          tokenMode: 'fixed',
          accessToken: TOKEN,
          baseUrl: upstream.baseUrl,
          timeout: 500,
        }),
      ],
    }).compile();
    return moduleRef
      .get(RefundService)
      .refund({ order_id: 'O-1', reason: 'r' })
      .then(
        (result) => result,
        (error: unknown) => error,
      );
  }

  afterEach(async () => {
    await moduleRef?.close();
    await upstream?.close();
  });

  it.each<[string, RawAnswer]>([
    ['a gateway 502 with a JSON errcode', json(502, { errcode: 502 })],
    ['a 500 with a business errcode', json(500, { errcode: 9403105 })],
    ['a 503 with a token errcode', json(503, { errcode: 40001 })],
    ['a 500 with errcode 0', json(500, { errcode: 0 })],
    ['200 and an empty body', (r) => r.end()],
    ['200 and errcode as a string', json(200, { errcode: '0' })],
    ['200 and no errcode', json(200, { errmsg: 'ok' })],
    ['200 and a JSON list', json(200, [])],
    ['200 and truncated JSON', (r) => r.end('{"errcode":0,')],
    ['200 and a huge body', (r) => r.end(`{"x":"${'a'.repeat(2 ** 21)}"}`)],
  ])('%s: unknown outcome, sent once', async (_, answer) => {
    const outcome = await refundAgainst(answer);
    expect(outcome).toBeInstanceOf(RefundOutcomeUnknownError);
    expect(upstream.received).toBe(1);
  });

  it('keeps the token out of an errmsg that echoes the URL', async () => {
    const outcome = await refundAgainst((response, url) =>
      json(200, { errcode: 9403105, errmsg: `bad request ${url}` })(
        response,
        url,
      ),
    );
    expect(outcome).toBeInstanceOf(WechatApiError);
    const error = outcome as WechatApiError;
    expect(error.errmsg).toContain('access_token=***');
    expect(JSON.stringify(error) + error.message).not.toContain(TOKEN);
  });

  it('keeps the token out of an accepted answer that echoes it', async () => {
    const outcome = await refundAgainst(
      json(200, {
        errcode: 0,
        errmsg: `ok rid: ${TOKEN}`,
        refund_order_id: TOKEN,
      }),
    );
    expect(JSON.stringify(outcome)).not.toContain(TOKEN);
    expect(outcome).toMatchObject({ status: 'accepted' });
  });

  it('treats nothing listening as not sent', async () => {
    upstream = await RawUpstream.start(json(200, {}));
    const { baseUrl } = upstream;
    await upstream.close();
    moduleRef = await Test.createTestingModule({
      imports: [
        NontaxModule.forRoot({
          appid: 'wx6cc9648de104270d',
          tokenMode: 'fixed',
          accessToken: TOKEN,
          baseUrl,
        }),
      ],
    }).compile();
    const error = await rejectionOf(
      moduleRef.get(RefundService).refund({ order_id: 'O-1', reason: 'r' }),
    );
    expect(error.name).toBe('WechatRequestError');
    expect(error.message).toContain('nothing was sent');
  });
});

describe('token answers that cannot be used', () => {
  let upstream: RawUpstream;
  let moduleRef: TestingModule;
  afterEach(async () => {
    await moduleRef?.close();
    await upstream?.close();
  });

  it.each<[string, Record<string, unknown>]>([
    ['no expires_in', { access_token: 'T-1' }],
    ['expires_in 0', { access_token: 'T-1', expires_in: 0 }],
    ['expires_in as a string', { access_token: 'T-1', expires_in: '7200' }],
    ['an empty token', { access_token: '', expires_in: 7200 }],
    [
      'errcode as a string',
      { errcode: '0', access_token: 'T-1', expires_in: 7200 },
    ],
  ])('%s: refused, not cached, no refund sent', async (_, answer) => {
    const paths: string[] = [];
    upstream = await RawUpstream.start((response, url) => {
      paths.push(url.split('?')[0]);
      json(200, answer)(response, url);
    });
    moduleRef = await Test.createTestingModule({
      imports: [
        NontaxModule.forRoot({
          appid: 'wx6cc9648de104270d',
          secret: 'not-a-real-secret',
          baseUrl: upstream.baseUrl,
        }),
      ],
    }).compile();
    const refunds = moduleRef.get(RefundService);
    for (let i = 0; i < 2; i++) {
      const error = await rejectionOf(
        refunds.refund({ order_id: 'O-1', reason: 'r' }),
      );
      expect(error.name).toBe('AccessTokenError');
    }
    expect(paths).toEqual(['/cgi-bin/stable_token', '/cgi-bin/stable_token']);
  });
});
