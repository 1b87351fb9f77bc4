import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import {
  EXAMPLE_ACCOUNT,
  EXAMPLE_ORDER_ID,
  WechatSimulator,
} from '../lib/testing/index.js';
import { AppModule } from '../sample/app.module.js';
import { APP_OPTIONS, configureApp } from '../sample/configure-app.js';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { CaptureLogger } from './support/capture-logger.js';

const EXAMPLE = {
  appid: 'wx6cc9648de104270d',
  order_id: 'AQCAGxwqp6-aBeIKDJ7fvb6x3dZt',
  reason: '线上线下重复缴费,解档票据号为DA01651861',
};

describe('the sample app, POST /refunds', () => {
  let simulator: WechatSimulator;
  let app: INestApplication;
  let logger: CaptureLogger;
  const post = (body: unknown) =>
    request(app.getHttpServer())
      .post('/refunds')
      .send(body as object);
  const refundPosts = () => simulator.requestsTo('/nontax/refund');

  beforeEach(async () => {
    simulator = await WechatSimulator.start({ exampleOrderFee: 1000 });
    logger = new CaptureLogger();
    const moduleRef = await Test.createTestingModule({
      imports: [
        AppModule.register({
          WECHAT_BASE_URL: simulator.baseUrl,
          WECHAT_APPID: EXAMPLE_ACCOUNT.appid,
          WECHAT_SECRET: EXAMPLE_ACCOUNT.secret,
          WECHAT_TIMEOUT_MS: '500',
          WECHAT_SIMULATED: 'true',
        }),
      ],
    })
      .setLogger(logger)
      .compile();
    app = configureApp(
      moduleRef.createNestApplication<NestExpressApplication>({
        ...APP_OPTIONS,
        logger,
      }),
    );
    await app.init();
  });
  afterEach(async () => {
    await app.close();
    await simulator.close();
  });

  it('answers 201 to the docs example request', async () => {
    const response = await post(EXAMPLE).expect(201);
    expect(response.body).toMatchObject({
      status: 'accepted',
      kind: 'full',
      order_id: EXAMPLE_ORDER_ID,
      refund_order_id: simulator.ledger[0].refund_order_id,
    });
  });

  it('refunds part, then refuses more than is left, keeping the errcode', async () => {
    const part = { ...EXAMPLE, refund_fee: 600, refund_out_id: 'S-1' };
    const first = await post(part).expect(201);
    expect(first.body).toMatchObject({ kind: 'partial', refund_fee: 600 });

    // The order is read first and the refund refused before sending.
    const more = { ...EXAMPLE, refund_fee: 401, refund_out_id: 'S-2' };
    const second = await post(more).expect(422);
    expect(second.body).toMatchObject({
      statusCode: 422,
      code: 'REFUND_EXCEEDS_REFUNDABLE',
      refund_state: 'rejected',
      refundable_fee: 400,
    });
    expect(simulator.ledger).toHaveLength(1);
    expect(refundPosts()).toHaveLength(1);
  });

  it('keeps WeChat errcode and rid when WeChat refuses', async () => {
    await post(EXAMPLE).expect(201);
    const again = await post({ ...EXAMPLE, reason: 'again' }).expect(409);
    expect(again.body).toMatchObject({
      code: 'WECHAT_API_ERROR',
      errcode: expect.any(Number),
      rid: expect.any(String),
      refund_state: 'rejected',
    });
    expect(again.body.errmsg).toContain(again.body.rid);
  });

  it.each([
    ['refund_fee without refund_out_id', { refund_fee: 100 }, 'refund_out_id'],
    [
      'refund_fee as a string',
      { refund_fee: '100', refund_out_id: 'X' },
      'refund_fee',
    ],
    ['an extra field', { refund_status: 5 }, 'refund_status'],
    [
      'a null refund_fee',
      { refund_fee: null, refund_out_id: 'X' },
      'refund_fee',
    ],
    ['a blank reason', { reason: ' ' }, 'reason'],
  ])('answers 400 to %s, sending nothing', async (_, change, field) => {
    const response = await post({ ...EXAMPLE, ...change }).expect(400);
    expect(JSON.stringify(response.body.message)).toContain(field);
    expect(refundPosts()).toHaveLength(0);
  });

  it('refuses a form post, sending nothing', async () => {
    await request(app.getHttpServer())
      .post('/refunds')
      .type('form')
      .send({ order_id: EXAMPLE.order_id, reason: 'form' })
      .expect(400);
    expect(refundPosts()).toHaveLength(0);
  });

  it('refuses a body over 16 kB with 413', async () => {
    await post({ ...EXAMPLE, reason: 'x'.repeat(20_000) }).expect(413);
    expect(refundPosts()).toHaveLength(0);
  });

  it('answers 400 to an appid that is not configured', async () => {
    const response = await post({ ...EXAMPLE, appid: 'wxffffffffffffffff' });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('APPID_NOT_CONFIGURED');
    expect(simulator.requests).toHaveLength(0);
  });

  it('maps an unknown errcode to 422 and keeps it', async () => {
    simulator.fail('/nontax/refund', { type: 'errcode', errcode: 8765432 });
    const response = await post(EXAMPLE).expect(422);
    expect(response.body.errcode).toBe(8765432);
  });

  it('answers 504 with the order to check when the refund hangs', async () => {
    simulator.fail('/nontax/refund', { type: 'hang' });
    const response = await post(EXAMPLE).expect(504);
    expect(response.body).toMatchObject({
      code: 'REFUND_OUTCOME_UNKNOWN',
      order_id: EXAMPLE_ORDER_ID,
    });
    expect(refundPosts()).toHaveLength(1);
  });

  it('hides the server IP of a 40164 from the client, logs it', async () => {
    simulator.fail('/cgi-bin/stable_token', {
      type: 'errcode',
      errcode: 40164,
      errmsg:
        'invalid ip 198.51.100.7 ipv6 ::ffff:198.51.100.7, not in whitelist',
    });
    const response = await post(EXAMPLE).expect(503);
    expect(response.body).toMatchObject({
      code: 'ACCESS_TOKEN_FAILED',
      errcode: 40164,
      errmsg: null,
      rid: expect.any(String),
    });
    expect(JSON.stringify(response.body)).not.toContain('198.51.100.7');
    expect(logger.text()).toContain('198.51.100.7');
    expect(refundPosts()).toHaveLength(0);
  });

  it("shows an order without WeChat's raw answer", async () => {
    await post({ ...EXAMPLE, refund_fee: 100, refund_out_id: 'G-1' });
    const response = await request(app.getHttpServer())
      .get(`/orders/${EXAMPLE_ORDER_ID}`)
      .expect(200);
    expect(response.body).toMatchObject({
      order_id: EXAMPLE_ORDER_ID,
      fee: 1000,
      state: 'paid',
      refundable_fee: 900,
      partial_refunds: [expect.objectContaining({ refund_out_id: 'G-1' })],
    });
    expect(response.body).not.toHaveProperty('raw');
  });

  it('answers 404 for an order WeChat does not have', async () => {
    const response = await request(app.getHttpServer())
      .get('/orders/NO-SUCH-ORDER')
      .expect(404);
    expect(response.body.errcode).toEqual(expect.any(Number));
  });

  it('reconciles a refund whose answer was lost', async () => {
    const part = { ...EXAMPLE, refund_fee: 100, refund_out_id: 'R-1' };
    simulator.fail('/nontax/refund', { type: 'apply-then-drop' });
    const lost = await post(part).expect(502);
    expect(lost.body).toMatchObject({
      code: 'REFUND_OUTCOME_UNKNOWN',
      refund_state: 'unknown',
      refund_out_id: 'R-1',
    });
    const found = await request(app.getHttpServer())
      .post('/refunds/reconcile')
      .send(part)
      .expect(200);
    expect(found.body).toMatchObject({
      state: 'refunding',
      refund: { refund_out_id: 'R-1', refund_fee: 100 },
    });
    expect(refundPosts()).toHaveLength(1);
  });

  it('refunds safely through a lost answer, once', async () => {
    const part = { ...EXAMPLE, refund_fee: 100, refund_out_id: 'F-1' };
    simulator.fail('/nontax/refund', { type: 'drop' });
    const response = await request(app.getHttpServer())
      .post('/refunds/safe')
      .send(part)
      .expect(201);
    expect(response.body).toMatchObject({ status: 'accepted', sends: 2 });
    expect(simulator.ledger).toHaveLength(1);
  });
});
