import 'reflect-metadata';
import { Test, type TestingModule } from '@nestjs/testing';
import {
  NontaxModule,
  RefundService,
  type NontaxModuleOptions,
} from '../../lib/index.js';
import {
  EXAMPLE_ACCOUNT,
  WechatSimulator,
  type SimulatorOptions,
} from '../../lib/testing/index.js';
import { CaptureLogger } from './capture-logger.js';

/** A Nest module with NontaxModule wired to a fresh simulator. */
export interface NontaxHarness {
  readonly simulator: WechatSimulator;
  readonly moduleRef: TestingModule;
  readonly refunds: RefundService;
  readonly logger: CaptureLogger;
  close(): Promise<void>;
}

/** One application instance: a testing module with NontaxModule. */
export interface NontaxInstance {
  readonly moduleRef: TestingModule;
  readonly refunds: RefundService;
  readonly logger: CaptureLogger;
  close(): Promise<void>;
}

/**
 * Starts an instance refunding against `simulator` with the example
 * account and a short timeout unless told otherwise.
 */
export async function startInstance(
  simulator: WechatSimulator,
  options: Partial<NontaxModuleOptions> = {},
): Promise<NontaxInstance> {
  const logger = new CaptureLogger();
  const moduleRef = await Test.createTestingModule({
    imports: [
      NontaxModule.forRoot({
        appid: EXAMPLE_ACCOUNT.appid,
        secret: EXAMPLE_ACCOUNT.secret,
        baseUrl: simulator.baseUrl,
        timeout: 1000,
        ...options,
      }),
    ],
  })
    .setLogger(logger)
    .compile();
  await moduleRef.init();
  return {
    moduleRef,
    refunds: moduleRef.get(RefundService),
    logger,
    close: () => moduleRef.close(),
  };
}

/** Starts a simulator and one instance against it. */
export async function startHarness(
  options: Partial<NontaxModuleOptions> = {},
  simulatorOptions: SimulatorOptions = {},
): Promise<NontaxHarness> {
  const simulator = await WechatSimulator.start(simulatorOptions);
  const instance = await startInstance(simulator, options);
  return {
    ...instance,
    simulator,
    close: async () => {
      await instance.close();
      await simulator.close();
    },
  };
}

/** A paid order of `fee` fen with a fresh id, in the simulator. */
export function newOrder(simulator: WechatSimulator, fee = 10_000): string {
  const order_id = `T${Date.now().toString(36)}${Math.random()
    .toString(36)
    .slice(2, 10)}`;
  simulator.addOrder({ appid: EXAMPLE_ACCOUNT.appid, order_id, fee });
  return order_id;
}

/** Catches what `promise` rejects with, failing if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection, got a result');
}
