import { inspect } from 'node:util';
import {
  NontaxError,
  NontaxExceptionFilter,
  OrderService,
} from '../lib/index.js';
import {
  EXAMPLE_APPID,
  type SimulatorEndpoint,
  type SimulatorFault,
} from '../lib/testing/index.js';
import {
  newOrder,
  startHarness,
  type NontaxHarness,
} from './support/nontax-harness.js';

const SECRET = `appsecret-${Math.random().toString(36).slice(2)}`;

/** Everything a leak could hide in: the error every way it is shown. */
function renderings(error: unknown): string[] {
  const e = error as Record<string, unknown> & Error;
  return [
    String(e.message),
    String(e.stack),
    inspect(e, { depth: 10, showHidden: true }),
    JSON.stringify(e),
    inspect(e.cause, { depth: 10 }),
    JSON.stringify(Object.entries(e)),
  ];
}

/** What the filter would answer and log for `error`. */
function filtered(error: unknown): string {
  if (!(error instanceof NontaxError)) return '';
  let sent = '';
  const response = {
    status: () => ({ json: (body: unknown) => (sent = JSON.stringify(body)) }),
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => response }),
  };
  new NontaxExceptionFilter().catch(error, host as never);
  return sent;
}

const faults: [SimulatorEndpoint | 'tokens', SimulatorFault][] = [
  ['/nontax/refund', { type: 'hang' }],
  ['/nontax/refund', { type: 'drop' }],
  ['/nontax/refund', { type: 'html502' }],
  ['/nontax/refund', { type: 'errcode', errcode: -1 }],
  ['/nontax/refund', { type: 'errcode', errcode: 40001 }],
  ['/nontax/refund', { type: 'errcode', errcode: 9999 }],
  ['tokens', { type: 'hang' }],
  ['tokens', { type: 'drop' }],
  ['tokens', { type: 'html502' }],
  ['tokens', { type: 'errcode', errcode: 40164 }],
  ['tokens', { type: 'errcode', errcode: 40125 }],
  ['/nontax/getorder', { type: 'hang' }],
  ['/nontax/getorder', { type: 'drop' }],
  ['/nontax/getorder', { type: 'html502' }],
  ['/nontax/getorder', { type: 'errcode', errcode: 40001 }],
  ['/nontax/refund', { type: 'apply-then-drop' }],
  ['/nontax/refund', { type: 'apply-then-errcode', errcode: -1 }],
];

/** Everything one failure can show, through each entry point. */
async function everyWay(h: NontaxHarness, order_id: string) {
  const show = (promise: Promise<unknown>) =>
    promise.then(
      (result) => JSON.stringify(result),
      (error: unknown) => [...renderings(error), filtered(error)].join('\n'),
    );
  const partial = { order_id, reason: 'r', refund_fee: 1, refund_out_id: 'K' };
  return [
    await show(h.refunds.refund(partial)),
    await show(h.refunds.reconcile(partial)),
    await show(h.moduleRef.get(OrderService).getOrder(order_id)),
    await show(
      h.refunds.refundSafely(
        { ...partial, refund_out_id: 'S' },
        { checks: 1, firstDelayMs: 0 },
      ),
    ),
  ].join('\n');
}

describe.each(['stable', 'classic'] as const)(
  'no secret leaks (%s)',
  (mode) => {
    let h: NontaxHarness;
    const seen: string[] = [];

    beforeAll(async () => {
      h = await startHarness(
        { tokenMode: mode, secret: SECRET, timeout: 200 },
        { accounts: [{ appid: EXAMPLE_APPID, secret: SECRET }] },
      );
    });
    afterAll(() => h.close());

    it.each(faults)('on %s %j', async (where, fault) => {
      const order_id = newOrder(h.simulator);
      const tokenPath =
        mode === 'stable' ? '/cgi-bin/stable_token' : '/cgi-bin/token';
      // A cold cache makes every case go through a token fetch too.
      h.simulator.expireAllTokens();
      h.simulator.fail(where === 'tokens' ? tokenPath : where, fault, 3);
      seen.push(await everyWay(h, order_id));
      h.simulator.clearFaults();
    });

    it('shows neither the AppSecret nor any token anywhere', () => {
      const tokens = h.simulator.requests
        .map((r) => r.query.access_token)
        .filter((t): t is string => typeof t === 'string' && t.length > 0);
      expect(tokens.length).toBeGreaterThan(0);
      const everything = [...seen, h.logger.text()].join('\n');
      expect(everything.length).toBeGreaterThan(1000);
      expect(everything).not.toContain(SECRET);
      for (const token of new Set(tokens)) {
        expect(everything).not.toContain(token);
      }
    });
  },
);

describe('no secret leaks when WeChat cannot be reached at all', () => {
  it.each(['stable', 'classic'] as const)(
    'in %s mode, for a refused connection and a name that does not resolve',
    async (mode) => {
      const seen: string[] = [];
      for (const baseUrl of ['http://127.0.0.1:9', 'http://wechat.invalid']) {
        const h = await startHarness(
          { tokenMode: mode, secret: SECRET, timeout: 1500, baseUrl },
          { accounts: [{ appid: EXAMPLE_APPID, secret: SECRET }] },
        );
        try {
          seen.push(await everyWay(h, 'O-unreachable'), h.logger.text());
        } finally {
          await h.close();
        }
      }
      const everything = seen.join('\n');
      expect(everything).toMatch(/connection-refused|dns|timeout/);
      expect(everything).not.toContain(SECRET);
    },
  );
});
