import type { FactoryProvider } from '@nestjs/common';
import { ACCESS_TOKEN_STORE, NONTAX_OPTIONS } from '../nontax.constants.js';
import type { ResolvedNontaxOptions } from '../options/resolve-options.js';
import type { AccessTokenStore } from './access-token-store.interface.js';

/** The store given in the options, or a fresh in-memory one. */
export const tokenStoreProvider: FactoryProvider<AccessTokenStore> = {
  provide: ACCESS_TOKEN_STORE,
  useFactory: (options: ResolvedNontaxOptions) => options.tokenStore,
  inject: [NONTAX_OPTIONS],
};
