import {
  ConfigurableModuleBuilder,
  type Provider,
  type Type,
} from '@nestjs/common';
import type { NontaxModuleOptions } from './interfaces/nontax-module-options.interface.js';
import { ACCESS_TOKEN_STRATEGY, NONTAX_OPTIONS } from './nontax.constants.js';
import { resolveNontaxOptions } from './options/resolve-options.js';
import type { AccessTokenStrategy } from './token/access-token-strategy.interface.js';
import { builtInStrategyProvider } from './token/built-in-strategy.provider.js';

/** Options of `forRoot` and `forRootAsync` beside the module options. */
export interface NontaxModuleExtras {
  /**
   * Register the module globally, so that feature modules need not
   * import it.
   * @default false
   */
  isGlobal?: boolean;

  /**
   * Your own access-token strategy, instantiated by Nest's DI (it may
   * inject anything the module's `imports` provide). Replaces the
   * `tokenMode` built-ins.
   */
  accessTokenStrategy?: Type<AccessTokenStrategy>;
}

export const {
  ConfigurableModuleClass,
  MODULE_OPTIONS_TOKEN,
  OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<NontaxModuleOptions>({
  moduleName: 'Nontax',
})
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createNontaxOptions')
  .setExtras<NontaxModuleExtras>({ isGlobal: false }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
    providers: [...(definition.providers ?? []), ...extraProviders(extras)],
  }))
  .build();

function extraProviders(extras: NontaxModuleExtras): Provider[] {
  const custom = extras.accessTokenStrategy;
  return [
    {
      provide: NONTAX_OPTIONS,
      useFactory: (options: NontaxModuleOptions) =>
        resolveNontaxOptions(options, custom !== undefined),
      inject: [MODULE_OPTIONS_TOKEN],
    },
    custom
      ? { provide: ACCESS_TOKEN_STRATEGY, useClass: custom }
      : builtInStrategyProvider,
  ];
}
