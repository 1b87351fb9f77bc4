import { NontaxConfigError } from '../errors/nontax-config.error.js';
import type { NontaxRedisOptions } from '../interfaces/nontax-redis-options.interface.js';
import type { ResolvedNontaxOptions } from './resolve-options.js';
import { checkMillis, requireText } from './option-checks.js';

/**
 * Checks the `redis` option: exactly one of `client` and `url`.
 * @throws NontaxConfigError naming the option
 */
export function resolveRedisOptions(
  redis: NontaxRedisOptions | undefined,
): ResolvedNontaxOptions['redis'] {
  if (redis === undefined) return undefined;
  if (typeof redis !== 'object' || redis === null) {
    throw new NontaxConfigError('redis', 'must be an object');
  }
  if ((redis.client === undefined) === (redis.url === undefined)) {
    throw new NontaxConfigError('redis', 'needs exactly one of client, url');
  }
  if (redis.url !== undefined) checkUrl(redis.url);
  if (redis.client !== undefined && typeof redis.client.eval !== 'function') {
    throw new NontaxConfigError('redis.client', 'must be an ioredis client');
  }
  return {
    client: redis.client,
    url: redis.url,
    keyPrefix: requireText(redis.keyPrefix ?? 'nontax:', 'redis.keyPrefix'),
    commandTimeout: checkMillis(
      redis.commandTimeout ?? 1000,
      'redis.commandTimeout',
    ),
  };
}

function checkUrl(url: unknown): void {
  const text = requireText(url, 'redis.url');
  if (!/^rediss?:\/\//.test(text)) {
    throw new NontaxConfigError('redis.url', 'must start with redis://');
  }
}
