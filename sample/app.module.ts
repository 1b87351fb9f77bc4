import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import { NontaxModule } from 'nestjs-wechat-nontax';
import { ApiKeyGuard } from './api-key.guard.js';
import { ClientThrottlerGuard } from './client-throttler.guard.js';
import { nontaxOptionsFrom } from './nontax-options.factory.js';
import { OrdersController } from './orders.controller.js';
import { RefundsController } from './refunds.controller.js';
import { SETTINGS, settingsFrom, type ReadSetting } from './settings.js';

/** Refund calls a client may make per minute (`SAMPLE_RATE_LIMIT`). */
function rateLimit(read: ReadSetting): number {
  const limit = Number(read('SAMPLE_RATE_LIMIT') ?? 60);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new Error('SAMPLE_RATE_LIMIT must be a whole number, 1 or more');
  }
  return limit;
}

@Module({})
export class AppModule {
  /**
   * @param overrides settings that win over the environment; `main.ts`
   * passes the in-process simulator's URL, account and API key here
   */
  static register(overrides: Record<string, string> = {}): DynamicModule {
    const settings = {
      provide: SETTINGS,
      useFactory: (config: ConfigService) => settingsFrom(overrides, config),
      inject: [ConfigService],
    };
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, cache: true }),
        NontaxModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService) =>
            nontaxOptionsFrom(settingsFrom(overrides, config)),
        }),
        ThrottlerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService) => [
            {
              ttl: 60_000,
              limit: rateLimit(settingsFrom(overrides, config)),
            },
          ],
        }),
      ],
      controllers: [RefundsController, OrdersController],
      providers: [settings, ApiKeyGuard, ClientThrottlerGuard],
    };
  }
}
