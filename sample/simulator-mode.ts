import { randomBytes } from 'node:crypto';
import { EXAMPLE_ACCOUNT, WechatSimulator } from 'nestjs-wechat-nontax/testing';

/** The simulator the sample runs in-process, and what points at it. */
export interface SimulatorMode {
  readonly simulator: WechatSimulator;
  readonly overrides: Record<string, string>;
  /** The API key to call the sample with, generated unless configured. */
  readonly apiKey?: string;
}

/**
 * Without `WECHAT_BASE_URL` the sample needs no WeChat account: it starts
 * the simulator with the docs' example account, so that the docs' example
 * request works as it is.
 */
export async function startSimulatorMode(): Promise<SimulatorMode> {
  const simulator = await WechatSimulator.start({
    accounts: [EXAMPLE_ACCOUNT],
  });
  // A key for this run only, printed in the curl line, unless you set one.
  const apiKey = process.env.SAMPLE_API_KEYS
    ? undefined
    : randomBytes(18).toString('base64url');
  return {
    simulator,
    apiKey,
    overrides: {
      ...(apiKey && { SAMPLE_API_KEYS: `newcomer=${apiKey}` }),
      WECHAT_BASE_URL: simulator.baseUrl,
      WECHAT_APPID: EXAMPLE_ACCOUNT.appid,
      WECHAT_SECRET: EXAMPLE_ACCOUNT.secret,
      WECHAT_SIMULATED: 'true',
    },
  };
}
