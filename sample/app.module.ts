import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { NontaxModule } from 'nestjs-wechat-nontax';
import { nontaxOptionsFrom } from './nontax-options.factory.js';
import { OrdersController } from './orders.controller.js';
import { RefundsController } from './refunds.controller.js';

@Module({})
export class AppModule {
  /**
   * @param overrides settings that win over the environment; `main.ts`
   * passes the in-process simulator's URL and account here
   */
  static register(overrides: Record<string, string> = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, cache: true }),
        NontaxModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService) =>
            nontaxOptionsFrom(
              (name) => overrides[name] ?? config.get<string>(name),
            ),
        }),
      ],
      controllers: [RefundsController, OrdersController],
    };
  }
}
