import type {
  AccessTokenStore,
  CachedAccessToken,
} from './access-token-store.interface.js';

/** Keeps tokens in this process's memory. The default store. */
export class MemoryAccessTokenStore implements AccessTokenStore {
  private readonly tokens = new Map<string, CachedAccessToken>();

  async get(key: string): Promise<CachedAccessToken | undefined> {
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt <= Date.now()) {
      this.tokens.delete(key);
      return undefined;
    }
    return cached;
  }

  async set(key: string, value: CachedAccessToken): Promise<void> {
    this.tokens.set(key, value);
  }

  async deleteIfEquals(key: string, token: string): Promise<boolean> {
    if (this.tokens.get(key)?.token !== token) return false;
    return this.tokens.delete(key);
  }
}
