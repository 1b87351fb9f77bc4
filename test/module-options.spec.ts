import 'reflect-metadata';
import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  NontaxModule,
  RefundService,
  type AccessTokenStrategy,
  type NontaxModuleOptions,
} from '../lib/index.js';
import {
  EXAMPLE_ACCOUNT,
  EXAMPLE_ORDER_ID,
  WechatSimulator,
} from '../lib/testing/index.js';
import { rejectionOf } from './support/nontax-harness.js';

let simulator: WechatSimulator;
beforeEach(async () => {
  simulator = await WechatSimulator.start();
});
afterEach(() => simulator.close());

const good = (): NontaxModuleOptions => ({
  appid: EXAMPLE_ACCOUNT.appid,
  secret: EXAMPLE_ACCOUNT.secret,
  baseUrl: simulator.baseUrl,
});

const fullRefund = { order_id: EXAMPLE_ORDER_ID, reason: 'test' };

async function refundWith(imports: unknown[]): Promise<void> {
  const moduleRef = await Test.createTestingModule({
    imports: imports as never[],
  }).compile();
  await moduleRef.init();
  try {
    await moduleRef.get(RefundService).refund(fullRefund);
  } finally {
    await moduleRef.close();
  }
}

@Injectable()
class GoodOptionsFactory {
  createNontaxOptions(): NontaxModuleOptions {
    return good();
  }
}

@Module({ providers: [GoodOptionsFactory], exports: [GoodOptionsFactory] })
class OptionsModule {}

describe('NontaxModule registration', () => {
  it('works with forRoot', async () => {
    await refundWith([NontaxModule.forRoot(good())]);
    expect(simulator.ledger).toHaveLength(1);
  });

  it('works with forRootAsync and useFactory', async () => {
    await refundWith([NontaxModule.forRootAsync({ useFactory: good })]);
    expect(simulator.ledger).toHaveLength(1);
  });

  it('works with forRootAsync and useClass', async () => {
    await refundWith([
      NontaxModule.forRootAsync({ useClass: GoodOptionsFactory }),
    ]);
    expect(simulator.ledger).toHaveLength(1);
  });

  it('works with forRootAsync and useExisting', async () => {
    await refundWith([
      NontaxModule.forRootAsync({
        imports: [OptionsModule],
        useExisting: GoodOptionsFactory,
      }),
    ]);
    expect(simulator.ledger).toHaveLength(1);
  });

  it('is visible to other modules with isGlobal', async () => {
    @Injectable()
    class Consumer {
      constructor(readonly refunds: RefundService) {}
    }
    @Module({ providers: [Consumer] })
    class FeatureModule {}
    const moduleRef = await Test.createTestingModule({
      imports: [
        NontaxModule.forRootAsync({ useFactory: good, isGlobal: true }),
        FeatureModule,
      ],
    }).compile();
    expect(moduleRef.get(Consumer).refunds).toBeInstanceOf(RefundService);
    await moduleRef.close();
  });

  it('uses a custom token strategy class through DI', async () => {
    const seen: string[] = [];
    @Injectable()
    class OneTokenForAll implements AccessTokenStrategy {
      async getAccessToken(appid: string): Promise<string> {
        seen.push(appid);
        const answer = await fetch(
          `${simulator.baseUrl}/cgi-bin/stable_token`,
          {
            method: 'POST',
            body: JSON.stringify({
              grant_type: 'client_credential',
              appid,
              secret: EXAMPLE_ACCOUNT.secret,
            }),
          },
        );
        return ((await answer.json()) as { access_token: string }).access_token;
      }
      async invalidate(): Promise<void> {}
    }
    await refundWith([
      NontaxModule.forRootAsync({
        useFactory: () => ({ ...good(), secret: undefined }),
        accessTokenStrategy: OneTokenForAll,
      }),
    ]);
    expect(seen).toEqual([EXAMPLE_ACCOUNT.appid]);
    expect(simulator.ledger).toHaveLength(1);
  });

  it('uses a fixed token without fetching', async () => {
    const token = await fetch(`${simulator.baseUrl}/cgi-bin/stable_token`, {
      method: 'POST',
      body: JSON.stringify({
        grant_type: 'client_credential',
        appid: EXAMPLE_ACCOUNT.appid,
        secret: EXAMPLE_ACCOUNT.secret,
      }),
    }).then(async (r) => (await r.json()) as { access_token: string });
    simulator.clearRecords();
    await refundWith([
      NontaxModule.forRoot({
        appid: EXAMPLE_ACCOUNT.appid,
        baseUrl: simulator.baseUrl,
        tokenMode: 'fixed',
        accessToken: token.access_token,
      }),
    ]);
    expect(simulator.requestsTo('/cgi-bin/stable_token')).toHaveLength(0);
    expect(simulator.ledger).toHaveLength(1);
  });
});

describe('wrong options fail at start-up, naming the option', () => {
  it.each<[string, Partial<NontaxModuleOptions> | Record<string, unknown>]>([
    ['appid', { appid: '' }],
    ['secret', { secret: undefined }],
    ['timeout', { timeout: 0 }],
    ['timeout', { timeout: -5 }],
    ['timeout', { timeout: Number.NaN }],
    ['timeout', { timeout: 1500.5 }],
    ['timeout', { timeout: 3e9 }],
    ['redis', { redis: {} }],
    ['redis.url', { redis: { url: 'http://x' } }],
    [
      'redis.commandTimeout',
      { redis: { url: 'redis://x', commandTimeout: 0 } },
    ],
    ['tokenMode', { tokenMode: 'magic' }],
    ['accessToken', { tokenMode: 'fixed' }],
    ['baseUrl', { baseUrl: 'not a url' }],
    ['baseUrl', { baseUrl: 'ftp://example.com' }],
    ['tokenRefreshMarginSeconds', { tokenRefreshMarginSeconds: -1 }],
    ['tokenStore', { tokenStore: {} }],
  ])('%s: %j', async (option, change) => {
    const options = { ...good(), ...change } as NontaxModuleOptions;
    const error = await rejectionOf(
      Test.createTestingModule({
        imports: [NontaxModule.forRootAsync({ useFactory: () => options })],
      }).compile(),
    );
    expect(error.name).toBe('NontaxConfigError');
    expect(error.message).toContain(`"${option}"`);
    expect(simulator.requests).toHaveLength(0);
  });
});
