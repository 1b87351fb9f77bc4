import type {
  NontaxModuleOptions,
  NontaxTokenMode,
} from 'nestjs-wechat-nontax';
import { SIMULATOR_ERRCODE_OVERRIDES } from 'nestjs-wechat-nontax/testing';

import type { ReadSetting } from './settings.js';

/**
 * Builds the module options from settings named as in `.env.example`.
 * Wrong values are reported by the module itself at start-up.
 */
export function nontaxOptionsFrom(setting: ReadSetting): NontaxModuleOptions {
  const timeout = setting('WECHAT_TIMEOUT_MS');
  const redisUrl = setting('REDIS_URL');
  return {
    appid: setting('WECHAT_APPID') ?? '',
    secret: setting('WECHAT_SECRET'),
    tokenMode: setting('WECHAT_TOKEN_MODE') as NontaxTokenMode | undefined,
    baseUrl: setting('WECHAT_BASE_URL'),
    timeout: timeout === undefined ? undefined : Number(timeout),
    // With Redis, instances share tokens and refuse a refund another
    // instance is already sending.
    // The simulator's rejection errcodes are its own; WeChat's are not
    // documented, so against WeChat unknown errcodes map to 422.
    errcodes: setting('WECHAT_SIMULATED')
      ? SIMULATOR_ERRCODE_OVERRIDES
      : undefined,
    redis: redisUrl
      ? { url: redisUrl, keyPrefix: setting('REDIS_KEY_PREFIX') }
      : undefined,
  };
}
