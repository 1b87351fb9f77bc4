import { NontaxConfigError } from '../errors/nontax-config.error.js';
import type { AccessTokenStore } from '../token/access-token-store.interface.js';
import { MemoryAccessTokenStore } from '../token/memory-access-token.store.js';
import type {
  NontaxModuleOptions,
  NontaxTokenMode,
} from '../interfaces/nontax-module-options.interface.js';

/** The options after defaults and checks; what the providers read. */
export interface ResolvedNontaxOptions {
  readonly appid: string;
  readonly secret?: string;
  readonly tokenMode: NontaxTokenMode;
  readonly accessToken?: string;
  readonly baseUrl: string;
  readonly timeout: number;
  readonly tokenRefreshMarginSeconds: number;
  readonly tokenStore: AccessTokenStore;
}

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
  const resolved: ResolvedNontaxOptions = {
    appid: requireText(options.appid, 'appid'),
    secret: options.secret,
    tokenMode,
    accessToken: options.accessToken,
    baseUrl: checkBaseUrl(options.baseUrl ?? 'https://api.weixin.qq.com'),
    timeout: checkPositive(options.timeout ?? 10_000, 'timeout'),
    tokenRefreshMarginSeconds: checkMargin(options.tokenRefreshMarginSeconds),
    tokenStore: checkStore(options.tokenStore),
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

function requireText(value: unknown, option: string, when = ''): string {
  if (typeof value !== 'string' || value.trim() === '') {
    const suffix = when ? ` ${when}` : '';
    throw new NontaxConfigError(option, `must be a non-empty string${suffix}`);
  }
  return value;
}

function checkPositive(value: unknown, option: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new NontaxConfigError(
      option,
      'must be a positive number of milliseconds',
    );
  }
  return value;
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
  return text.replace(/\/+$/, '');
}

function checkStore(value: unknown): AccessTokenStore {
  if (value === undefined) return new MemoryAccessTokenStore();
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
