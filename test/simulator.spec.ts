import {
  EXAMPLE_APPID,
  EXAMPLE_ORDER_ID,
  EXAMPLE_SECRET,
  SIMULATOR_ERRCODES,
  WechatSimulator,
  type SimulatorLedgerEntry,
  type SimulatorOptions,
} from '../lib/testing/index.js';

interface Json {
  [key: string]: unknown;
}

let sim: WechatSimulator;

async function startWith(options: SimulatorOptions = {}): Promise<void> {
  await sim?.close();
  sim = await WechatSimulator.start(options);
}

async function postJson(path: string, body: unknown): Promise<Json> {
  const response = await fetch(`${sim.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Json;
}

async function classicToken(): Promise<string> {
  const query = new URLSearchParams({
    grant_type: 'client_credential',
    appid: EXAMPLE_APPID,
    secret: EXAMPLE_SECRET,
  });
  const response = await fetch(`${sim.baseUrl}/cgi-bin/token?${query}`);
  const json = (await response.json()) as Json;
  return json.access_token as string;
}

async function stableToken(force_refresh = false): Promise<Json> {
  return postJson('/cgi-bin/stable_token', {
    grant_type: 'client_credential',
    appid: EXAMPLE_APPID,
    secret: EXAMPLE_SECRET,
    force_refresh,
  });
}

async function refund(token: string, extra: Json = {}): Promise<Json> {
  return postJson(`/nontax/refund?access_token=${token}`, {
    appid: EXAMPLE_APPID,
    order_id: EXAMPLE_ORDER_ID,
    reason: 'duplicate payment',
    ...extra,
  });
}

async function getOrder(token: string): Promise<Json> {
  return postJson(`/nontax/getorder?access_token=${token}`, {
    appid: EXAMPLE_APPID,
    order_id: EXAMPLE_ORDER_ID,
  });
}

/**
 * Waits until `Date.now()` has reached `at` (ms since the epoch). A loop,
 * because a timer may fire a millisecond early by the wall clock.
 */
async function sleepUntil(at: number): Promise<void> {
  while (Date.now() < at) {
    await new Promise((resolve) => setTimeout(resolve, at - Date.now() + 1));
  }
}

/** The partial_refund_info entry for `outId`, from a list-style answer. */
function partial(order: Json, outId: string): Json | undefined {
  const list = order.partial_refund_info as Json[];
  return list.find((p) => p.refund_out_id === outId);
}

/** When a refund applied in `entry` is due to settle, ms and seconds. */
function dueAt(entry: SimulatorLedgerEntry, settleMs: number) {
  const ms = entry.at + settleMs;
  return { ms, seconds: Math.floor(ms / 1000) };
}

beforeEach(async () => startWith());
afterAll(async () => sim?.close());

describe('tokens', () => {
  it('gives the same stable token twice, a new one when forced', async () => {
    const first = await stableToken();
    const second = await stableToken();
    expect(first.access_token).toEqual(expect.any(String));
    expect((first.access_token as string).length).toBeGreaterThan(40);
    expect(second.access_token).toBe(first.access_token);
    expect(first.expires_in).toBe(7200);

    const forced = await stableToken(true);
    expect(forced.access_token).not.toBe(first.access_token);
    const old = await getOrder(first.access_token as string);
    expect(old.errcode).toBe(40001);
  });

  it('kills the previous classic token after the overlap', async () => {
    await startWith({ classicOverlapSeconds: 0 });
    const first = await classicToken();
    expect((await getOrder(first)).errcode).toBe(0);
    const second = await classicToken();
    expect(second).not.toBe(first);
    expect((await getOrder(first)).errcode).toBe(40001);
    expect((await getOrder(second)).errcode).toBe(0);
  });

  it('keeps the previous classic token during the overlap', async () => {
    const first = await classicToken();
    await classicToken();
    expect((await getOrder(first)).errcode).toBe(0);
    await classicToken();
    expect((await getOrder(first)).errcode).toBe(40001);
  });

  it('refuses a wrong secret and a bad grant_type', async () => {
    const url = `${sim.baseUrl}/cgi-bin/token?grant_type=client_credential`;
    const wrong = await fetch(`${url}&appid=${EXAMPLE_APPID}&secret=nope`);
    const json = (await wrong.json()) as Json;
    expect(json.errcode).toBe(40125);
    expect(json.errmsg).toMatch(/invalid appsecret rid: \S+$/);
    const grant = await postJson('/cgi-bin/stable_token', {
      grant_type: 'password',
      appid: EXAMPLE_APPID,
      secret: EXAMPLE_SECRET,
    });
    expect(grant.errcode).toBe(40002);
  });

  it('answers 41001, 40001 and 42001 on the nontax endpoints', async () => {
    const missing = await postJson('/nontax/getorder', {
      appid: EXAMPLE_APPID,
      order_id: EXAMPLE_ORDER_ID,
    });
    expect(missing.errcode).toBe(41001);
    expect((await getOrder('made-up-token')).errcode).toBe(40001);

    const revoked = await classicToken();
    sim.revokeToken(revoked);
    expect((await getOrder(revoked)).errcode).toBe(40001);

    const expired = (await stableToken()).access_token as string;
    sim.expireAllTokens();
    expect((await getOrder(expired)).errcode).toBe(42001);
    const fresh = (await stableToken()).access_token as string;
    expect(fresh).not.toBe(expired);
    expect((await getOrder(fresh)).errcode).toBe(0);
  });

  it('records the token each call used', async () => {
    const token = await classicToken();
    await getOrder(token);
    const [call] = sim.requestsTo('/nontax/getorder');
    expect(call.query.access_token).toBe(token);
    expect(call.body).toEqual({
      appid: EXAMPLE_APPID,
      order_id: EXAMPLE_ORDER_ID,
    });
  });
});

describe('refunds', () => {
  let token: string;

  beforeEach(async () => {
    token = await classicToken();
  });

  it('applies a full refund once', async () => {
    const answer = await refund(token);
    expect(answer.errcode).toBe(0);
    expect(answer.errmsg).toMatch(/^ok rid: \S+$/);
    expect(answer.refund_order_id).toEqual(expect.any(String));
    expect(sim.order(EXAMPLE_APPID, EXAMPLE_ORDER_ID)?.status).toBe(6);
    expect(sim.ledger).toEqual([
      expect.objectContaining({
        refund_fee: 10000,
        order_id: EXAMPLE_ORDER_ID,
      }),
    ]);

    const again = await refund(token);
    expect(again.errcode).toBe(SIMULATOR_ERRCODES.ORDER_ALREADY_REFUNDED);
    expect(sim.ledger).toHaveLength(1);
  });

  it('applies partial refunds and lists them in getorder', async () => {
    const first = await refund(token, {
      refund_fee: 3000,
      refund_out_id: 'r1',
    });
    const second = await refund(token, {
      refund_fee: 7000,
      refund_out_id: 'r2',
    });
    expect([first.errcode, second.errcode]).toEqual([0, 0]);
    expect(sim.ledger.map((e) => [e.refund_out_id, e.refund_fee])).toEqual([
      ['r1', 3000],
      ['r2', 7000],
    ]);

    const order = await getOrder(token);
    expect(order.status).toBe(6);
    expect(order.partial_refund_info).toEqual([
      expect.objectContaining({ refund_out_id: 'r1', refund_status: 6 }),
      expect.objectContaining({ refund_out_id: 'r2', refund_fee: 7000 }),
    ]);
    sim.settleRefunds();
    expect((await getOrder(token)).status).toBe(5);
  });

  it('rejects a partial refund beyond what is left', async () => {
    await refund(token, { refund_fee: 6000, refund_out_id: 'r1' });
    const over = await refund(token, { refund_fee: 4001, refund_out_id: 'r2' });
    expect(over.errcode).toBe(SIMULATOR_ERRCODES.REFUND_EXCEEDS_REMAINING);
    expect(sim.ledger).toHaveLength(1);
    expect(sim.order(EXAMPLE_APPID, EXAMPLE_ORDER_ID)?.status).toBe(3);
  });

  it('answers a repeated refund_out_id without applying it again', async () => {
    const args = { refund_fee: 2500, refund_out_id: 'same' };
    const first = await refund(token, args);
    const repeat = await refund(token, args);
    expect(repeat.errcode).toBe(0);
    expect(repeat.refund_order_id).toBe(first.refund_order_id);
    expect(sim.ledger).toHaveLength(1);

    const other = await refund(token, { ...args, refund_fee: 2600 });
    expect(other.errcode).toBe(SIMULATOR_ERRCODES.REFUND_OUT_ID_REUSED);
    expect(sim.ledger).toHaveLength(1);
  });

  it('rejects half a partial refund and unknown orders', async () => {
    const half = await refund(token, { refund_fee: 100 });
    expect(half.errcode).toBe(SIMULATOR_ERRCODES.INVALID_ARGUMENT);
    const unknown = await refund(token, { order_id: 'no-such-order' });
    expect(unknown.errcode).toBe(SIMULATOR_ERRCODES.ORDER_NOT_FOUND);
    expect(sim.ledger).toHaveLength(0);
  });
});

describe('faults', () => {
  let token: string;

  beforeEach(async () => {
    token = await classicToken();
  });

  it('answers a queued errcode without applying the refund', async () => {
    sim.fail('/nontax/refund', { type: 'errcode', errcode: -1 }, 2);
    expect((await refund(token)).errcode).toBe(-1);
    const second = await refund(token);
    expect(second).toEqual({
      errcode: -1,
      errmsg: expect.stringMatching(/rid:/),
    });
    expect(sim.ledger).toHaveLength(0);
    expect((await refund(token)).errcode).toBe(0);
    expect(sim.requestsTo('/nontax/refund')).toHaveLength(3);
  });

  it('plays a fault before the token check', async () => {
    sim.fail('/nontax/getorder', { type: 'errcode', errcode: 45011 });
    expect((await getOrder('made-up-token')).errcode).toBe(45011);
  });

  it('drops the connection without applying', async () => {
    sim.fail('/nontax/refund', { type: 'drop' });
    await expect(refund(token)).rejects.toThrow();
    expect(sim.ledger).toHaveLength(0);
    expect(sim.requestsTo('/nontax/refund')).toHaveLength(1);
  });

  it('hangs until the client gives up', async () => {
    sim.fail('/nontax/refund', { type: 'hang' });
    const hanging = fetch(
      `${sim.baseUrl}/nontax/refund?access_token=${token}`,
      {
        method: 'POST',
        body: JSON.stringify({ appid: EXAMPLE_APPID }),
        signal: AbortSignal.timeout(300),
      },
    );
    await expect(hanging).rejects.toThrow(/abort|timeout/i);
    expect(sim.ledger).toHaveLength(0);
  });

  it('closes fast even while a request hangs', async () => {
    sim.fail('/nontax/getorder', { type: 'hang' });
    const hanging = getOrder(token);
    // Handled below; this only keeps the rejection from counting as unhandled.
    hanging.catch(() => undefined);
    while (sim.requestsTo('/nontax/getorder').length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const started = Date.now();
    await sim.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(hanging).rejects.toThrow();
  });

  it('answers HTML with status 502', async () => {
    sim.fail('/nontax/refund', { type: 'html502' });
    const response = await fetch(
      `${sim.baseUrl}/nontax/refund?access_token=${token}`,
      { method: 'POST', body: '{}' },
    );
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toMatch(/<html>/);
    expect(sim.ledger).toHaveLength(0);
  });

  it('delays, then applies the refund', async () => {
    sim.fail('/nontax/refund', { type: 'delay', ms: 200 });
    const started = Date.now();
    const answer = await refund(token);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(answer.errcode).toBe(0);
    expect(sim.ledger).toHaveLength(1);
  });
});

describe('settling', () => {
  const SETTLE_MS = 250;
  let token: string;

  beforeEach(async () => {
    await startWith({ settleAfterMs: SETTLE_MS });
    token = await classicToken();
  });

  it('keeps a full refund refunding until settleAfterMs', async () => {
    expect((await refund(token)).errcode).toBe(0);
    const refunding = await getOrder(token);
    expect(refunding.status).toBe(6);
    expect(refunding.refund_finish_time).toBe(0);

    const due = dueAt(sim.ledger[0], SETTLE_MS);
    await sleepUntil(due.ms);
    expect(sim.order(EXAMPLE_APPID, EXAMPLE_ORDER_ID)?.status).toBe(5);
    const refunded = await getOrder(token);
    expect(refunded.status).toBe(5);
    expect(refunded.refund_finish_time).toBe(due.seconds);
    expect(sim.ledger).toHaveLength(1);
  });

  it('leaves partial refunds at paid, then 6, then 5', async () => {
    await refund(token, { refund_fee: 3000, refund_out_id: 'r1' });
    const first = await getOrder(token);
    expect(first.status).toBe(3);
    expect(partial(first, 'r1')).toMatchObject({
      refund_status: 6,
      refund_finish_time: 0,
    });

    const r1 = dueAt(sim.ledger[0], SETTLE_MS);
    await sleepUntil(r1.ms);
    const settled = await getOrder(token);
    expect(settled.status).toBe(3);
    expect(partial(settled, 'r1')).toMatchObject({
      refund_status: 5,
      refund_finish_time: r1.seconds,
    });

    await refund(token, { refund_fee: 7000, refund_out_id: 'r2' });
    const emptied = await getOrder(token);
    expect(emptied.status).toBe(6);
    expect(partial(emptied, 'r2')?.refund_status).toBe(6);

    const r2 = dueAt(sim.ledger[1], SETTLE_MS);
    await sleepUntil(r2.ms);
    const done = await getOrder(token);
    expect(done.status).toBe(5);
    expect(partial(done, 'r2')?.refund_status).toBe(5);
    expect(done.refund_finish_time).toBe(r2.seconds);
    expect(done.refund_out_id).toBe('r2');
  });

  it('settles at once with settleAfterMs 0', async () => {
    await startWith({ settleAfterMs: 0 });
    token = await classicToken();
    await refund(token, { refund_fee: 10000, refund_out_id: 'all' });
    const order = await getOrder(token);
    expect(order.status).toBe(5);
    expect(partial(order, 'all')).toMatchObject({
      refund_status: 5,
      refund_finish_time: Math.floor(sim.ledger[0].at / 1000),
    });
  });

  it('settles everything on settleRefunds, due or not', async () => {
    await startWith({ settleAfterMs: 60_000 });
    token = await classicToken();
    await refund(token);
    expect((await getOrder(token)).status).toBe(6);
    const before = Math.floor(Date.now() / 1000);
    sim.settleRefunds();
    const order = await getOrder(token);
    expect(order.status).toBe(5);
    expect(order.refund_finish_time).toBeGreaterThanOrEqual(before);
  });

  it('refuses a negative settleAfterMs', async () => {
    await expect(WechatSimulator.start({ settleAfterMs: -1 })).rejects.toThrow(
      RangeError,
    );
  });
});

describe('faults that apply, then lose the answer', () => {
  let token: string;

  beforeEach(async () => {
    token = await classicToken();
  });

  it('applies, then drops the connection', async () => {
    sim.fail('/nontax/refund', { type: 'apply-then-drop' });
    const args = { refund_fee: 4000, refund_out_id: 'lost' };
    await expect(refund(token, args)).rejects.toThrow();
    expect(sim.ledger).toEqual([
      expect.objectContaining({ refund_out_id: 'lost', refund_fee: 4000 }),
    ]);

    // The retry finds the refund the client never heard of.
    const retry = await refund(token, args);
    expect(retry.errcode).toBe(0);
    expect(retry.refund_order_id).toBe(sim.ledger[0].refund_order_id);
    expect(sim.ledger).toHaveLength(1);
  });

  it('applies, then hangs until the client gives up', async () => {
    sim.fail('/nontax/refund', { type: 'apply-then-hang' });
    const hanging = fetch(
      `${sim.baseUrl}/nontax/refund?access_token=${token}`,
      {
        method: 'POST',
        body: JSON.stringify({
          appid: EXAMPLE_APPID,
          order_id: EXAMPLE_ORDER_ID,
          reason: 'duplicate payment',
        }),
        signal: AbortSignal.timeout(300),
      },
    );
    await expect(hanging).rejects.toThrow(/abort|timeout/i);
    expect(sim.ledger).toHaveLength(1);
    expect((await getOrder(token)).status).toBe(6);
  });

  it('applies, then answers errcode -1', async () => {
    sim.fail('/nontax/refund', { type: 'apply-then-errcode' });
    const answer = await refund(token);
    expect(answer).toEqual({
      errcode: -1,
      errmsg: expect.stringMatching(/^system error rid: \S+$/),
    });
    expect(sim.ledger).toHaveLength(1);
    expect((await getOrder(token)).status).toBe(6);
    const again = await refund(token);
    expect(again.errcode).toBe(SIMULATOR_ERRCODES.ORDER_ALREADY_REFUNDED);
  });

  it('issues a token, then loses the answer', async () => {
    await startWith({ classicOverlapSeconds: 0 });
    const first = await classicToken();
    sim.fail('/cgi-bin/token', { type: 'apply-then-drop' });
    await expect(classicToken()).rejects.toThrow();
    // The lost fetch still issued a token, which killed the first one.
    expect((await getOrder(first)).errcode).toBe(40001);

    sim.fail('/cgi-bin/token', { type: 'apply-then-errcode', errcode: 45009 });
    const query = new URLSearchParams({
      grant_type: 'client_credential',
      appid: EXAMPLE_APPID,
      secret: EXAMPLE_SECRET,
    });
    const response = await fetch(`${sim.baseUrl}/cgi-bin/token?${query}`);
    const json = (await response.json()) as Json;
    expect(json.errcode).toBe(45009);
    expect(json.access_token).toBeUndefined();
  });
});

describe('getorder answer', () => {
  let token: string;

  beforeEach(async () => {
    token = await classicToken();
  });

  it('sends the order, its times and a field clients must ignore', async () => {
    const order = await getOrder(token);
    expect(order).toMatchObject({
      errcode: 0,
      appid: EXAMPLE_APPID,
      order_id: EXAMPLE_ORDER_ID,
      fee: 10000,
      status: 3,
      create_time: expect.any(Number),
      pay_finish_time: expect.any(Number),
      partial_refund_info: [],
      notify_history: [],
    });
    const now = Date.now() / 1000;
    expect(order.create_time as number).toBeLessThanOrEqual(now);
    expect(order.pay_finish_time as number).toBeGreaterThanOrEqual(
      order.create_time as number,
    );
  });

  it('sends only the documented fields of a partial refund', async () => {
    await refund(token, { refund_fee: 3000, refund_out_id: 'r1' });
    const entry = partial(await getOrder(token), 'r1') ?? {};
    expect(Object.keys(entry).sort()).toEqual([
      'refund_fee',
      'refund_finish_time',
      'refund_order_id',
      'refund_out_id',
      'refund_reason',
      'refund_status',
    ]);
  });

  it('sends the last partial refund alone in the object style', async () => {
    await startWith({ getorderStyle: { partialRefundInfo: 'object' } });
    token = await classicToken();
    expect(await getOrder(token)).not.toHaveProperty('partial_refund_info');

    await refund(token, { refund_fee: 3000, refund_out_id: 'r1' });
    await refund(token, { refund_fee: 2000, refund_out_id: 'r2' });
    const order = await getOrder(token);
    expect(order.partial_refund_info).toEqual({
      refund_order_id: sim.ledger[1].refund_order_id,
      refund_out_id: 'r2',
      refund_fee: 2000,
      refund_reason: 'duplicate payment',
      refund_finish_time: 0,
      refund_status: 6,
    });
  });

  it('sends numbers as strings when told, and back again', async () => {
    await refund(token, { refund_fee: 3000, refund_out_id: 'r1' });
    sim.setGetorderStyle({ numbersAsStrings: true });
    const order = await getOrder(token);
    expect(order).toMatchObject({
      fee: '10000',
      status: '3',
      refund_finish_time: '0',
      partial_refund_info: [
        { refund_fee: '3000', refund_status: '6', refund_finish_time: '0' },
      ],
    });

    sim.setGetorderStyle({});
    const plain = await getOrder(token);
    expect(plain).toMatchObject({ fee: 10000, status: 3 });
  });

  it('refuses an unknown partial_refund_info style', () => {
    const style = { partialRefundInfo: 'single' } as unknown as Parameters<
      WechatSimulator['setGetorderStyle']
    >[0];
    expect(() => sim.setGetorderStyle(style)).toThrow(RangeError);
  });
});
