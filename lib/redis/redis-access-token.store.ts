import type {
  AccessTokenStore,
  CachedAccessToken,
} from '../token/access-token-store.interface.js';
import type { NontaxRedis } from './nontax-redis.js';

// Deletes the key only if it still holds the token that failed, so that a
// fresher token another instance just stored survives.
const DELETE_IF_EQUALS = `
local stored = redis.call('GET', KEYS[1])
if stored and cjson.decode(stored).token == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

/**
 * Access tokens in Redis, shared by every instance. Each key expires in
 * Redis when the token stops being usable, margin included.
 */
export class RedisAccessTokenStore implements AccessTokenStore {
  constructor(private readonly redis: NontaxRedis) {}

  async get(key: string): Promise<CachedAccessToken | undefined> {
    const stored = await this.redis.run('token get', (c) =>
      c.get(this.keyOf(key)),
    );
    const cached = readEntry(stored);
    return cached && cached.expiresAt > Date.now() ? cached : undefined;
  }

  async set(key: string, value: CachedAccessToken): Promise<void> {
    const ttl = Math.floor(value.expiresAt - Date.now());
    if (ttl <= 0) return;
    const stored = JSON.stringify(value);
    await this.redis.run('token set', (c) =>
      c.set(this.keyOf(key), stored, 'PX', ttl),
    );
  }

  async deleteIfEquals(key: string, token: string): Promise<boolean> {
    const deleted = await this.redis.run('token invalidate', (c) =>
      c.eval(DELETE_IF_EQUALS, 1, this.keyOf(key), token),
    );
    return deleted === 1;
  }

  private keyOf(key: string): string {
    return this.redis.key('token', key);
  }
}

/**
 * A stored entry, or `undefined` for anything that is not one. An entry
 * someone else wrote wrongly is treated as no token (a fresh one is then
 * fetched and stored over it); its text, which may hold a token, never
 * reaches an error.
 */
function readEntry(stored: string | null): CachedAccessToken | undefined {
  if (!stored) return undefined;
  try {
    const entry = JSON.parse(stored) as Partial<CachedAccessToken> | null;
    const valid =
      typeof entry?.token === 'string' &&
      entry.token !== '' &&
      typeof entry.expiresAt === 'number';
    return valid ? (entry as CachedAccessToken) : undefined;
  } catch {
    return undefined;
  }
}
