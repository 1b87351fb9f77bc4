/* eslint-disable no-console -- printing where it listens is the CLI's job */
/**
 * Runs the WeChat simulator on its own: `node dist/testing/cli.js`.
 *
 * Environment: `SIMULATOR_PORT` (default 4000), `SIMULATOR_APPID` and
 * `SIMULATOR_SECRET` (default: the example account), `SIMULATOR_SETTLE_MS`
 * (how long a refund stays refunding, default 2000).
 */
import {
  DEFAULT_SETTLE_AFTER_MS,
  EXAMPLE_APPID,
  EXAMPLE_ORDER_ID,
  EXAMPLE_SECRET,
} from './simulator-constants.js';
import type { SimulatorAccount } from './simulator-types.js';
import { WechatSimulator } from './wechat-simulator.js';

function portFromEnv(value: string | undefined): number {
  const port = Number(value ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`SIMULATOR_PORT is not a port: ${value}`);
  }
  return port;
}

function settleMsFromEnv(value: string | undefined): number {
  // An empty variable means "not set", as for the account variables.
  const ms = Number(value || DEFAULT_SETTLE_AFTER_MS);
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`SIMULATOR_SETTLE_MS is not a duration: ${value}`);
  }
  return ms;
}

function accountFromEnv(env: NodeJS.ProcessEnv): SimulatorAccount {
  return {
    appid: env.SIMULATOR_APPID || EXAMPLE_APPID,
    secret: env.SIMULATOR_SECRET || EXAMPLE_SECRET,
  };
}

function printBanner(
  simulator: WechatSimulator,
  account: SimulatorAccount,
  settleMs: number,
) {
  // Only the built-in fake secret is printed: one given through the
  // environment could be a real AppSecret, which never goes to a log.
  const secret =
    account.secret === EXAMPLE_SECRET
      ? account.secret
      : '(as given in SIMULATOR_SECRET)';
  const order = simulator.order(account.appid, EXAMPLE_ORDER_ID);
  console.log(`WeChat simulator listening on ${simulator.baseUrl}`);
  console.log(`account: appid=${account.appid} secret=${secret}`);
  console.log(`refunds settle after ${settleMs} ms (SIMULATOR_SETTLE_MS)`);
  if (order) {
    console.log(
      `example order: order_id=${order.order_id} fee=${order.fee} ` +
        `status=${order.status}`,
    );
  }
}

async function main(): Promise<void> {
  const account = accountFromEnv(process.env);
  const settleMs = settleMsFromEnv(process.env.SIMULATOR_SETTLE_MS);
  const simulator = await WechatSimulator.start({
    port: portFromEnv(process.env.SIMULATOR_PORT),
    accounts: [account],
    settleAfterMs: settleMs,
  });
  printBanner(simulator, account, settleMs);
  const stop = () => void simulator.close();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
