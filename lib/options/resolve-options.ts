import { Logger } from '@nestjs/common';
import { NontaxConfigError } from '../errors/nontax-config.error.js';
import type { AccessTokenStore } from '../token/access-token-store.interface.js';
import type {
  NontaxModuleOptions,
  NontaxTokenMode,
} from '../interfaces/nontax-module-options.interface.js';
import type { NontaxRedisOptions } from '../interfaces/nontax-redis-options.interface.js';
import { checkMillis, requireText } from './option-checks.js';
import type { WechatErrcodeInfo } from '../errors/errcode-table.js';
import { resolveErrcodes } from './resolve-errcodes.js';
import { resolveRedisOptions } from './resolve-redis-options.js';

/** The options after defaults and checks; what the providers read. */
export interface ResolvedNontaxOptions {
  readonly appid: string;
  readonly secret?: string;
  readonly tokenMode: NontaxTokenMode;
  readonly accessToken?: string;
  readonly baseUrl: string;
  readonly timeout: number;
  readonly tokenRefreshMarginSeconds: number;
  readonly tokenStore?: AccessTokenStore;
  readonly redis?: Required<Omit<NontaxRedisOptions, 'client' | 'url'>> &
    Pick<NontaxRedisOptions, 'client' | 'url'>;
  readonly tokenLockWaitMs: number;
  readonly refundGuardTtlMs: number;
  /** Your errcode rows; read through `describe` in the API client. */
  readonly errcodes: ReadonlyMap<number, WechatErrcodeInfo>;
  readonly refundableCheck: 'partial' | 'all' | 'off';
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

const MODES: readonly NontaxTokenMode[] = ['stable', 'classic', 'fixed'];

/**
 * Applies defaults and refuses wrong options with an error naming the
 * option. `customStrategy` tells that the token mode does not apply.
 * @throws NontaxConfigError
 */
export function resolveNontaxOptions(
  options: NontaxModuleOptions | undefined,
  customStrategy = false,
): ResolvedNontaxOptions {
  if (!options || typeof options !== 'object') {
    throw new NontaxConfigError('options', 'must be an object');
  }
  const tokenMode = options.tokenMode ?? 'stable';
  const timeout = checkMillis(options.timeout ?? 10_000, 'timeout');
  const tokenLockWaitMs = checkMillis(
    options.tokenLockWaitMs ?? 2 * timeout + 2000,
    'tokenLockWaitMs',
  );
  const resolved: ResolvedNontaxOptions = {
    appid: requireText(options.appid, 'appid'),
    secret: options.secret,
    tokenMode,
    accessToken: options.accessToken,
    baseUrl: checkBaseUrl(options.baseUrl ?? 'https://api.weixin.qq.com'),
    timeout,
    tokenRefreshMarginSeconds: checkMargin(options.tokenRefreshMarginSeconds),
    tokenStore: checkStore(options.tokenStore),
    redis: resolveRedisOptions(options.redis),
    tokenLockWaitMs,
    refundGuardTtlMs: checkMillis(
      options.refundGuardTtlMs ?? 8 * timeout + tokenLockWaitMs,
      'refundGuardTtlMs',
    ),
    errcodes: resolveErrcodes(options.errcodes),
    refundableCheck: checkRefundableCheck(options.refundableCheck),
  };
  if (!customStrategy) checkTokenMode(resolved);
  return resolved;
}

function checkTokenMode(options: ResolvedNontaxOptions): void {
  if (!MODES.includes(options.tokenMode)) {
    throw new NontaxConfigError(
      'tokenMode',
      `must be one of ${MODES.join(', ')}`,
    );
  }
  if (options.tokenMode === 'fixed') {
    requireText(options.accessToken, 'accessToken', 'in fixed token mode');
  } else {
    requireText(options.secret, 'secret', `in ${options.tokenMode} mode`);
  }
}

function checkMargin(value: unknown): number {
  if (value === undefined) return 300;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new NontaxConfigError(
      'tokenRefreshMarginSeconds',
      'must be a number of seconds, zero or more',
    );
  }
  return value;
}

function checkBaseUrl(value: unknown): string {
  const text = requireText(value, 'baseUrl');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new NontaxConfigError('baseUrl', 'must be an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new NontaxConfigError('baseUrl', 'must be an http(s) URL');
  }
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    new Logger('NontaxModule').warn(
      `baseUrl ${url.origin} is plain http: the AppSecret and access ` +
        'tokens would travel unencrypted',
    );
  }
  return text.replace(/\/+$/, '');
}

function checkStore(value: unknown): AccessTokenStore | undefined {
  if (value === undefined) return undefined;
  const store = value as Partial<Record<keyof AccessTokenStore, unknown>>;
  const methods = ['get', 'set', 'deleteIfEquals'] as const;
  if (!value || methods.some((m) => typeof store[m] !== 'function')) {
    throw new NontaxConfigError(
      'tokenStore',
      'must implement AccessTokenStore (get, set, deleteIfEquals)',
    );
  }
  return value as AccessTokenStore;
}

function checkRefundableCheck(
  value: unknown,
): ResolvedNontaxOptions['refundableCheck'] {
  if (value === undefined) return 'partial';
  if (value === 'partial' || value === 'all' || value === 'off') return value;
  throw new NontaxConfigError(
    'refundableCheck',
    'must be one of partial, all, off',
  );
}
