import request from 'supertest';
import {
  EXAMPLE_ACCOUNT,
  EXAMPLE_ORDER_ID,
  WechatSimulator,
} from '../lib/testing/index.js';
import { newOrder } from './support/nontax-harness.js';
import { SampleProcess } from './support/sample-process.js';

const KEY = 'test-key-0123456789abcdef';
const AUTH = `Bearer ${KEY}`;
const REASON = '线上线下重复缴费,解档票据号为DA01651861';

// The built sample in its own process, as `npm start` runs it, pointed at
// a simulator this test controls. `npm test` builds the sample first.
describe('the sample app', () => {
  let simulator: WechatSimulator;
  let sample: SampleProcess;
  let order_id: string;
  const post = (body: object, path = '/refunds') =>
    request(sample.url).post(path).set('authorization', AUTH).send(body);
  const get = (path: string) =>
    request(sample.url).get(path).set('authorization', AUTH);
  const refundPosts = () => simulator.requestsTo('/nontax/refund');
  const full = () => ({ order_id, reason: REASON });
  const partial = (fee: unknown, id: string) => ({
    order_id,
    reason: REASON,
    refund_fee: fee,
    refund_out_id: id,
  });

  beforeAll(async () => {
    simulator = await WechatSimulator.start();
    sample = await SampleProcess.start({
      WECHAT_BASE_URL: simulator.baseUrl,
      WECHAT_APPID: EXAMPLE_ACCOUNT.appid,
      WECHAT_SECRET: EXAMPLE_ACCOUNT.secret,
      WECHAT_TIMEOUT_MS: '500',
      WECHAT_SIMULATED: 'true',
      SAMPLE_API_KEYS: `tester=${KEY}`,
      SAMPLE_RATE_LIMIT: '1000',
    });
  });
  afterAll(async () => {
    await sample.stop();
    await simulator.close();
  });
  beforeEach(() => {
    simulator.clearFaults();
    simulator.clearRecords();
    order_id = newOrder(simulator, 1000);
  });

  it('answers 201 to the docs example request', async () => {
    const response = await post({
      appid: EXAMPLE_ACCOUNT.appid,
      order_id: EXAMPLE_ORDER_ID,
      reason: REASON,
    }).expect(201);
    expect(response.body).toMatchObject({
      status: 'accepted',
      kind: 'full',
      order_id: EXAMPLE_ORDER_ID,
      refund_order_id: simulator.ledger[0].refund_order_id,
    });
  });

  it('refunds part, then refuses more than is left before sending', async () => {
    const first = await post(partial(600, 'S-1')).expect(201);
    expect(first.body).toMatchObject({ kind: 'partial', refund_fee: 600 });
    const second = await post(partial(401, 'S-2')).expect(422);
    expect(second.body).toMatchObject({
      statusCode: 422,
      code: 'REFUND_EXCEEDS_REFUNDABLE',
      refund_state: 'rejected',
      refundable_fee: 400,
    });
    expect(refundPosts()).toHaveLength(1);
  });

  it('keeps WeChat errcode and rid when WeChat refuses', async () => {
    await post(full()).expect(201);
    const again = await post({ ...full(), reason: 'again' }).expect(409);
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
    const response = await post({ ...full(), ...change }).expect(400);
    expect(JSON.stringify(response.body.message)).toContain(field);
    expect(simulator.requests).toHaveLength(0);
  });

  it('refuses a form post, sending nothing', async () => {
    await request(sample.url)
      .post('/refunds')
      .set('authorization', AUTH)
      .type('form')
      .send({ order_id, reason: 'form' })
      .expect(400);
    expect(simulator.requests).toHaveLength(0);
  });

  it('refuses a body over 16 kB with 413', async () => {
    await post({ ...full(), reason: 'x'.repeat(20_000) }).expect(413);
    expect(simulator.requests).toHaveLength(0);
  });

  it('answers 400 to an appid that is not configured', async () => {
    const response = await post({ ...full(), appid: 'wxffffffffffffffff' });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('APPID_NOT_CONFIGURED');
    expect(simulator.requests).toHaveLength(0);
  });

  it('maps an unknown errcode to 422 and keeps it', async () => {
    simulator.fail('/nontax/refund', { type: 'errcode', errcode: 8765432 });
    const response = await post(full()).expect(422);
    expect(response.body.errcode).toBe(8765432);
  });

  it('answers 504 with the order to check when the refund hangs', async () => {
    simulator.fail('/nontax/refund', { type: 'hang' });
    const response = await post(full()).expect(504);
    expect(response.body).toMatchObject({
      code: 'REFUND_OUTCOME_UNKNOWN',
      refund_state: 'unknown',
      order_id,
    });
    expect(refundPosts()).toHaveLength(1);
  });

  it('hides the server IP of a 40164 from the client, logs it', async () => {
    simulator.expireAllTokens();
    simulator.fail('/cgi-bin/stable_token', {
      type: 'errcode',
      errcode: 40164,
      errmsg:
        'invalid ip 198.51.100.7 ipv6 ::ffff:198.51.100.7, not in whitelist',
    });
    const response = await post(full()).expect(503);
    expect(response.body).toMatchObject({
      code: 'ACCESS_TOKEN_FAILED',
      errcode: 40164,
      errmsg: null,
      rid: expect.any(String),
    });
    expect(JSON.stringify(response.body)).not.toContain('198.51.100.7');
    expect(sample.output).toContain('198.51.100.7');
    // The cached token was refused (42001) and the fresh fetch failed:
    // nothing was applied.
    expect(simulator.ledger).toHaveLength(0);
  });

  it('shows an order without WeChat’s raw answer', async () => {
    await post(partial(100, 'G-1')).expect(201);
    const response = await get(`/orders/${order_id}`).expect(200);
    expect(response.body).toMatchObject({
      order_id,
      fee: 1000,
      state: 'paid',
      refundable_fee: 900,
      partial_refunds: [expect.objectContaining({ refund_out_id: 'G-1' })],
    });
    expect(response.body).not.toHaveProperty('raw');
  });

  it('answers 404 for an order WeChat does not have', async () => {
    const response = await get('/orders/NO-SUCH-ORDER').expect(404);
    expect(response.body.errcode).toEqual(expect.any(Number));
  });

  it('reconciles a refund whose answer was lost', async () => {
    simulator.fail('/nontax/refund', { type: 'apply-then-drop' });
    const lost = await post(partial(100, 'R-1')).expect(502);
    expect(lost.body).toMatchObject({
      code: 'REFUND_OUTCOME_UNKNOWN',
      refund_state: 'unknown',
      refund_out_id: 'R-1',
    });
    const found = await post(partial(100, 'R-1'), '/refunds/reconcile');
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      state: 'refunding',
      refund: { refund_out_id: 'R-1', refund_fee: 100 },
    });
    expect(refundPosts()).toHaveLength(1);
  });

  it('refunds safely through a lost answer, once', async () => {
    simulator.fail('/nontax/refund', { type: 'drop' });
    const response = await post(partial(100, 'F-1'), '/refunds/safe');
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ status: 'accepted', sends: 2 });
    expect(simulator.ledger).toHaveLength(1);
  });

  it.each([
    ['no authorization', undefined],
    ['a wrong key', 'Bearer wrong-key-0123456789abcdef'],
    ['another scheme', `Basic ${KEY}`],
  ])('answers 401 to %s and reaches nothing', async (_, header) => {
    const call = request(sample.url).post('/refunds');
    if (header) call.set('authorization', header);
    await call.send(full()).expect(401);
    await request(sample.url).get(`/orders/${order_id}`).expect(401);
    expect(simulator.requests).toHaveLength(0);
  });

  it('writes one audit line per refund attempt, without secrets', async () => {
    const before = sample.output.length;
    await post(partial(100, 'AU-1')).expect(201);
    await post(partial('100', 'AU-2')).expect(400);
    simulator.fail('/nontax/refund', { type: 'drop' });
    await post(partial(100, 'AU-3')).expect(502);
    const lines = sample.output
      .slice(before)
      .split('\n')
      .filter((l) => l.includes('refund attempt'));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(
      `who=tester appid=- order_id="${order_id}" refund_out_id="AU-1" ` +
        'amount=100 outcome=accepted rid=',
    );
    expect(lines[1]).toContain('amount="100" outcome=refused:400');
    expect(lines[2]).toContain('outcome=unknown:REFUND_OUTCOME_UNKNOWN');
    expect(sample.output).not.toContain(KEY);
    expect(sample.output).not.toContain(EXAMPLE_ACCOUNT.secret);
  });

  it('escapes what could forge or hide an audit line', async () => {
    const before = sample.output.length;
    const forged = 'A\u2028[Nest] FAKE outcome=accepted\u202e\u0085';
    await post({ ...full(), order_id: forged }).expect(400);
    const written = sample.output.slice(before);
    expect(written).toContain('\\u2028[Nest] FAKE');
    expect(written).not.toMatch(/[\u2028\u202e\u0085]/);
  });
});

describe('the sample app under a low rate limit', () => {
  it('counts each client on its own, and keyless calls for nobody', async () => {
    const simulator = await WechatSimulator.start();
    const other = 'other-key-0123456789abcdef';
    const sample = await SampleProcess.start({
      WECHAT_BASE_URL: simulator.baseUrl,
      WECHAT_APPID: EXAMPLE_ACCOUNT.appid,
      WECHAT_SECRET: EXAMPLE_ACCOUNT.secret,
      SAMPLE_API_KEYS: `tester=${KEY},other=${other}`,
      SAMPLE_RATE_LIMIT: '3',
    });
    const call = (auth: string | undefined, n: number) => {
      const body = {
        order_id: EXAMPLE_ORDER_ID,
        reason: 'r',
        refund_fee: 1,
        refund_out_id: `RL-${n}`,
      };
      const post = request(sample.url).post('/refunds');
      if (auth) post.set('authorization', auth);
      return post.send(body).then((r) => r.status);
    };
    try {
      const keyless = [];
      for (let i = 0; i < 5; i++) keyless.push(await call(undefined, 100 + i));
      expect(keyless).toEqual([401, 401, 401, 401, 401]);
      const tester = [];
      for (let i = 0; i < 5; i++) tester.push(await call(AUTH, i));
      expect(tester).toEqual([201, 201, 201, 429, 429]);
      expect(await call(`Bearer ${other}`, 50)).toBe(201);
      expect(simulator.requestsTo('/nontax/refund')).toHaveLength(4);
      expect(sample.output).toContain('rate limit reached: who=tester');
    } finally {
      await sample.stop();
      await simulator.close();
    }
  });
});

describe('the sample in simulator mode, as a newcomer starts it', () => {
  it('prints a curl line that works as it is', async () => {
    const sample = await SampleProcess.start({});
    try {
      const line = sample.output.split('\n').find((l) => l.startsWith('curl '));
      expect(line).toBeDefined();
      const auth = /'authorization: (Bearer [\w-]+)'/.exec(line!)?.[1];
      const body = /-d '(.+)'$/.exec(line!)?.[1];
      expect(auth).toBeDefined();
      const response = await request(sample.url)
        .post('/refunds')
        .set('authorization', auth!)
        .set('content-type', 'application/json')
        .send(body!);
      expect(response.status).toBe(201);
      expect(response.body.refund_order_id).toEqual(expect.any(String));
      await request(sample.url)
        .post('/refunds')
        .send(JSON.parse(body!))
        .expect(401);
    } finally {
      await sample.stop();
    }
  });
});
