import { Inject, Injectable } from '@nestjs/common';
import { AccessTokenError } from '../errors/access-token.error.js';
import { NONTAX_OPTIONS } from '../nontax.constants.js';
import type { ResolvedNontaxOptions } from '../options/resolve-options.js';
import type { AccessTokenStrategy } from './access-token-strategy.interface.js';

/**
 * Always the token given in the `accessToken` option; never fetches or
 * refreshes. For tests and for tokens managed entirely elsewhere.
 */
@Injectable()
export class FixedAccessTokenStrategy implements AccessTokenStrategy {
  constructor(
    @Inject(NONTAX_OPTIONS) private readonly options: ResolvedNontaxOptions,
  ) {}

  async getAccessToken(appid: string): Promise<string> {
    if (appid !== this.options.appid || !this.options.accessToken) {
      throw new AccessTokenError(appid, 'fixed', 'no token is configured');
    }
    return this.options.accessToken;
  }

  async invalidate(): Promise<void> {
    // A fixed token cannot be replaced; the retry will report the error.
  }
}
