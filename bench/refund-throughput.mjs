// Refunds per second through RefundService against the simulator, next to
// a baseline of the same POSTs sent with a bare keep-alive axios client in
// the same process. Prints each figure and its ratio to the baseline.
//   npm run bench            (REDIS_URL for the Redis run, BENCH_N, BENCH_C)
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Agent } from 'node:http';
import axios from 'axios';
import { Redis } from 'ioredis';
import { NestFactory } from '@nestjs/core';
import { NontaxModule, RefundService } from 'nestjs-wechat-nontax';
import { EXAMPLE_ACCOUNT, WechatSimulator } from 'nestjs-wechat-nontax/testing';

const N = Number(process.env.BENCH_N ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_C ?? 20);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `nontax-bench:${randomBytes(4).toString('hex')}:`;

async function timed(label, send) {
  let next = 0;
  const started = process.hrtime.bigint();
  const lane = async () => {
    while (next < N) await send(next++);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { label, perSecond: N / seconds };
}

// Ten refunds an order, as real orders have a few, not thousands: with
// the refundable check on, every refund reads its order's list.
const PER_ORDER = 10;

function refundOf(tag, n) {
  return {
    order_id: `BENCH-${tag}-${Math.floor(n / PER_ORDER)}`,
    reason: 'bench',
    refund_fee: 1,
    refund_out_id: `B-${n}`,
  };
}

async function baseline(simulator, tag) {
  const token = await axios
    .post(`${simulator.baseUrl}/cgi-bin/stable_token`, {
      grant_type: 'client_credential',
      ...EXAMPLE_ACCOUNT,
    })
    .then((r) => r.data.access_token);
  const client = axios.create({
    httpAgent: new Agent({ keepAlive: true }),
    maxRedirects: 0,
  });
  const url = `${simulator.baseUrl}/nontax/refund`;
  const result = await timed('bare axios POST', (n) =>
    client.post(
      url,
      { appid: EXAMPLE_ACCOUNT.appid, ...refundOf(tag, n) },
      { params: { access_token: token } },
    ),
  );
  client.defaults.httpAgent.destroy();
  return result;
}

async function throughService(label, simulator, tag, extra) {
  const app = await NestFactory.createApplicationContext(
    NontaxModule.forRoot({
      ...EXAMPLE_ACCOUNT,
      baseUrl: simulator.baseUrl,
      ...extra,
    }),
    { logger: false },
  );
  const refunds = app.get(RefundService);
  const result = await timed(label, (n) => refunds.refund(refundOf(tag, n)));
  await app.close();
  return result;
}

async function main() {
  const simulator = await WechatSimulator.start();
  const orders = (tag) => {
    for (let n = 0; n < N; n += PER_ORDER) {
      const { order_id } = refundOf(tag, n);
      simulator.addOrder({ appid: EXAMPLE_ACCOUNT.appid, order_id, fee: 100 });
    }
    return tag;
  };
  const off = { refundableCheck: 'off' };
  const redis = { redis: { url: REDIS_URL, keyPrefix: prefix } };
  const runs = [await baseline(simulator, orders('base'))];
  runs.push(
    await throughService('RefundService', simulator, orders('mem'), off),
  );
  runs.push(
    await throughService('+ refundable check', simulator, orders('chk'), {}),
  );
  runs.push(
    await throughService('+ Redis guard, store', simulator, orders('red'), {
      ...off,
      ...redis,
    }),
  );
  await simulator.close();
  const cleanup = new Redis(REDIS_URL);
  const keys = await cleanup.keys(`${prefix}*`);
  if (keys.length) await cleanup.del(...keys);
  cleanup.disconnect();

  console.log(`${N} partial refunds, ${CONCURRENCY} in flight, one process`);
  for (const run of runs) {
    const ratio = run.perSecond / runs[0].perSecond;
    console.log(
      `${run.label.padEnd(24)} ${run.perSecond.toFixed(0).padStart(6)} /s` +
        `  ${ratio.toFixed(2)}x baseline`,
    );
  }
}

await main();
