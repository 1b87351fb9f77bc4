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

function refundOf(order_id, n) {
  return { order_id, reason: 'bench', refund_fee: 1, refund_out_id: `B-${n}` };
}

async function baseline(simulator, order_id) {
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
      { appid: EXAMPLE_ACCOUNT.appid, ...refundOf(order_id, n) },
      { params: { access_token: token } },
    ),
  );
  client.defaults.httpAgent.destroy();
  return result;
}

async function throughService(label, simulator, order_id, extra) {
  const app = await NestFactory.createApplicationContext(
    NontaxModule.forRoot({
      ...EXAMPLE_ACCOUNT,
      baseUrl: simulator.baseUrl,
      ...extra,
    }),
    { logger: false },
  );
  const refunds = app.get(RefundService);
  const result = await timed(label, (n) =>
    refunds.refund(refundOf(order_id, n)),
  );
  await app.close();
  return result;
}

async function main() {
  const simulator = await WechatSimulator.start();
  const order = (tag) => {
    const order_id = `BENCH-${tag}`;
    simulator.addOrder({ appid: EXAMPLE_ACCOUNT.appid, order_id, fee: N * 10 });
    return order_id;
  };
  const runs = [await baseline(simulator, order('base'))];
  runs.push(
    await throughService('RefundService, memory', simulator, order('mem'), {}),
  );
  runs.push(
    await throughService('RefundService, Redis', simulator, order('redis'), {
      redis: { url: REDIS_URL, keyPrefix: prefix },
    }),
  );
  await simulator.close();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();

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
