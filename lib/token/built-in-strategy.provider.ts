import type { FactoryProvider } from '@nestjs/common';
import { NONTAX_OPTIONS, ACCESS_TOKEN_STRATEGY } from '../nontax.constants.js';
import type { ResolvedNontaxOptions } from '../options/resolve-options.js';
import type { AccessTokenStrategy } from './access-token-strategy.interface.js';
import { ClassicAccessTokenStrategy } from './classic-access-token.strategy.js';
import { FixedAccessTokenStrategy } from './fixed-access-token.strategy.js';
import { StableAccessTokenStrategy } from './stable-access-token.strategy.js';

/**
 * Picks the built-in strategy named by `tokenMode`. All three are
 * registered as providers; only the chosen one is ever called.
 */
export const builtInStrategyProvider: FactoryProvider<AccessTokenStrategy> = {
  provide: ACCESS_TOKEN_STRATEGY,
  useFactory: (
    options: ResolvedNontaxOptions,
    stable: StableAccessTokenStrategy,
    classic: ClassicAccessTokenStrategy,
    fixed: FixedAccessTokenStrategy,
  ) => ({ stable, classic, fixed })[options.tokenMode],
  inject: [
    NONTAX_OPTIONS,
    StableAccessTokenStrategy,
    ClassicAccessTokenStrategy,
    FixedAccessTokenStrategy,
  ],
};
