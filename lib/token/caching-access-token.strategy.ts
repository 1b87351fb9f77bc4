import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { AccessTokenError } from '../errors/access-token.error.js';
import { WechatRequestError } from '../errors/wechat-request.error.js';
import type { WechatAnswer } from '../http/wechat-answer.js';
import type { WechatHttpClient } from '../http/wechat-http.client.js';
import type { ResolvedNontaxOptions } from '../options/resolve-options.js';
import type { AccessTokenStore } from './access-token-store.interface.js';
import type { AccessTokenStrategy } from './access-token-strategy.interface.js';
import { readTokenAnswer, usableMillis } from './read-token-answer.js';
import type {
  ReleaseLock,
  TokenFetchLock,
} from './token-fetch-lock.interface.js';

/** How often an instance waiting for another's fetch looks for the token. */
const POLL_MS = 25;

/**
 * What the stable and classic strategies share: a token cached in the
 * store until shortly before it expires, one fetch at a time per appid
 * (in the process, and across instances through the fetch lock), and
 * invalidation only of the token that failed.
 */
export abstract class CachingAccessTokenStrategy implements AccessTokenStrategy {
  protected abstract readonly mode: 'stable' | 'classic';

  private readonly logger = new Logger(CachingAccessTokenStrategy.name);
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(
    protected readonly http: WechatHttpClient,
    private readonly store: AccessTokenStore,
    private readonly lock: TokenFetchLock,
    private readonly options: ResolvedNontaxOptions,
  ) {}

  async getAccessToken(appid: string): Promise<string> {
    const key = this.keyFor(appid);
    const cached = await this.cached(key);
    if (cached) return cached;
    return this.once(key, () => this.refresh(appid, key));
  }

  async invalidate(appid: string, token: string): Promise<void> {
    await this.store.deleteIfEquals(this.keyFor(appid), token);
  }

  /** Asks WeChat for a token; the answer is checked by the caller. */
  protected abstract fetch(
    appid: string,
    secret: string,
  ): Promise<WechatAnswer>;

  /** The store key: the mode and the appid, never the AppSecret. */
  protected keyFor(appid: string): string {
    return `${this.mode}:${appid}`;
  }

  private async cached(key: string): Promise<string | undefined> {
    const cached = await this.store.get(key);
    return cached && cached.expiresAt > Date.now() ? cached.token : undefined;
  }

  private once(key: string, fetch: () => Promise<string>): Promise<string> {
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const started = fetch().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }

  /** Fetches under the lock, or waits for the holder's token. */
  private async refresh(appid: string, key: string): Promise<string> {
    const { tokenLockWaitMs, timeout } = this.options;
    const deadline = Date.now() + tokenLockWaitMs;
    for (;;) {
      const release = await this.lock.tryAcquire(key, timeout + 1000);
      if (release) return this.fetchHolding(appid, key, release);
      await sleep(POLL_MS);
      const cached = await this.cached(key);
      if (cached) return cached;
      if (Date.now() > deadline) {
        throw new AccessTokenError(
          appid,
          this.mode,
          `another instance is fetching the token and none was stored ` +
            `within ${tokenLockWaitMs} ms`,
        );
      }
    }
  }

  private async fetchHolding(
    appid: string,
    key: string,
    release: ReleaseLock,
  ): Promise<string> {
    try {
      // The previous holder may have stored one just before we got in.
      return (await this.cached(key)) ?? (await this.fetchAndStore(appid, key));
    } finally {
      await release();
    }
  }

  private async fetchAndStore(appid: string, key: string): Promise<string> {
    // Counted from before sending: the token's life starts at WeChat.
    const sentAt = Date.now();
    const secret = this.secretFor(appid);
    const answer = await this.fetchOrFail(appid, secret);
    const fetched = readTokenAnswer(appid, this.mode, answer, secret);
    const margin = this.options.tokenRefreshMarginSeconds;
    const expiresAt = sentAt + usableMillis(fetched.expiresInSeconds, margin);
    await this.store.set(key, { token: fetched.token, expiresAt });
    this.logger.debug(
      `Fetched a ${this.mode} access token for ${appid}, ` +
        `valid ${fetched.expiresInSeconds} s`,
    );
    return fetched.token;
  }

  private async fetchOrFail(
    appid: string,
    secret: string,
  ): Promise<WechatAnswer> {
    try {
      return await this.fetch(appid, secret);
    } catch (error) {
      if (!(error instanceof WechatRequestError)) throw error;
      throw new AccessTokenError(appid, this.mode, error.message);
    }
  }

  private secretFor(appid: string): string {
    if (appid !== this.options.appid || !this.options.secret) {
      throw new AccessTokenError(
        appid,
        this.mode,
        'no AppSecret is configured for this appid',
      );
    }
    return this.options.secret;
  }
}
