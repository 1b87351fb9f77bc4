import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { RefundRequest } from '../lib/index.js';
import { EXAMPLE_ACCOUNT, WechatSimulator } from '../lib/testing/index.js';
import { newOrder } from './support/nontax-harness.js';
import { REDIS_URL, dropPrefix, testPrefix } from './support/redis.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const worker = join(import.meta.dirname, 'fixtures/refund-worker.mjs');

interface Outcome {
  ok: boolean;
  code?: string;
}

// The workers load dist/: `npm test` builds it before jest runs.
describe('instances in separate OS processes sharing one Redis', () => {
  let simulator: WechatSimulator;
  let prefix: string;

  beforeEach(async () => {
    prefix = testPrefix('procs');
    simulator = await WechatSimulator.start({ classicOverlapSeconds: 0 });
  });
  afterEach(async () => {
    await simulator.close();
    await dropPrefix(prefix);
  });

  async function runWorkers(jobsPerWorker: RefundRequest[][]) {
    const options = {
      appid: EXAMPLE_ACCOUNT.appid,
      secret: EXAMPLE_ACCOUNT.secret,
      baseUrl: simulator.baseUrl,
      tokenMode: 'classic',
      timeout: 2000,
      redis: { url: REDIS_URL, keyPrefix: prefix },
    };
    const startAt = Date.now() + 1500;
    const outputs = await Promise.all(
      jobsPerWorker.map((jobs) =>
        run(process.execPath, [worker], {
          cwd: root,
          env: {
            ...process.env,
            WORKER_CONFIG: JSON.stringify({ options, jobs, startAt }),
          },
          timeout: 20_000,
        }),
      ),
    );
    return outputs.map(({ stdout }) => JSON.parse(stdout) as Outcome[]);
  }

  it('fetches one token for 30 refunds over 3 processes', async () => {
    const order_id = newOrder(simulator);
    const jobs = [0, 1, 2].map((w) =>
      Array.from({ length: 10 }, (_, n) => ({
        order_id,
        reason: 'processes',
        refund_fee: 5,
        refund_out_id: `P-${w}-${n}`,
      })),
    );
    const outcomes = (await runWorkers(jobs)).flat();
    expect(outcomes.filter((o) => o.ok)).toHaveLength(30);
    expect(simulator.requestsTo('/cgi-bin/token')).toHaveLength(1);
    expect(simulator.requestsTo('/nontax/refund')).toHaveLength(30);
  });

  it('sends the same partial refund once from two processes', async () => {
    const order_id = newOrder(simulator);
    simulator.fail('/nontax/refund', { type: 'delay', ms: 500 });
    const same = {
      order_id,
      reason: 'twice',
      refund_fee: 5,
      refund_out_id: 'SAME',
    };
    const outcomes = (await runWorkers([[same], [same]])).flat();
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok)).toEqual([
      { ok: false, code: 'REFUND_IN_PROGRESS' },
    ]);
    expect(simulator.requestsTo('/nontax/refund')).toHaveLength(1);
  });
});
