import { Redis } from 'ioredis';
import { MemoryAccessTokenStore } from '../lib/index.js';
import { RedisAccessTokenStore } from '../lib/redis/redis-access-token.store.js';
import { NontaxRedis } from '../lib/redis/nontax-redis.js';
import { REDIS_URL, dropPrefix, testPrefix } from './support/redis.js';

describe('RedisAccessTokenStore', () => {
  const prefix = testPrefix('store');
  let client: Redis;
  let store: RedisAccessTokenStore;

  beforeAll(() => {
    client = new Redis(REDIS_URL);
    store = new RedisAccessTokenStore(
      new NontaxRedis(client, prefix, 1000, false),
    );
  });
  afterAll(async () => {
    await dropPrefix(prefix);
    client.disconnect();
  });

  it('keeps a token until it expires, as a Redis TTL', async () => {
    const expiresAt = Date.now() + 60_000;
    await store.set('stable:wx1', { token: 'T-1', expiresAt });
    expect(await store.get('stable:wx1')).toEqual({ token: 'T-1', expiresAt });
    const ttl = await client.pttl(`${prefix}token:stable:wx1`);
    expect(ttl).toBeGreaterThan(59_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('names the mode and the appid in the key, nothing else', async () => {
    await store.set('classic:wx2', {
      token: 'T-2',
      expiresAt: Date.now() + 5000,
    });
    const keys = await client.keys(`${prefix}*`);
    expect(keys).toContain(`${prefix}token:classic:wx2`);
  });

  it('deletes only the token that failed', async () => {
    const expiresAt = Date.now() + 60_000;
    await store.set('stable:wx3', { token: 'fresh', expiresAt });
    expect(await store.deleteIfEquals('stable:wx3', 'stale')).toBe(false);
    expect((await store.get('stable:wx3'))?.token).toBe('fresh');
    expect(await store.deleteIfEquals('stable:wx3', 'fresh')).toBe(true);
    expect(await store.get('stable:wx3')).toBeUndefined();
  });

  it.each(['a-bare-token-value', 'null', '{"token":5}', '{'])(
    'treats a stored %j that is not an entry as no token',
    async (stored) => {
      await client.set(`${prefix}token:stable:wx5`, stored);
      await expect(store.get('stable:wx5')).resolves.toBeUndefined();
    },
  );

  it('does not store a token that has already expired', async () => {
    await store.set('stable:wx4', { token: 'old', expiresAt: Date.now() - 1 });
    expect(await client.exists(`${prefix}token:stable:wx4`)).toBe(0);
  });
});

describe('MemoryAccessTokenStore', () => {
  it('deletes only the token that failed, and forgets expired ones', async () => {
    const store = new MemoryAccessTokenStore();
    await store.set('stable:wx', {
      token: 'fresh',
      expiresAt: Date.now() + 60_000,
    });
    expect(await store.deleteIfEquals('stable:wx', 'stale')).toBe(false);
    expect((await store.get('stable:wx'))?.token).toBe('fresh');
    expect(await store.deleteIfEquals('stable:wx', 'fresh')).toBe(true);
    await store.set('stable:wx', { token: 'old', expiresAt: Date.now() - 1 });
    expect(await store.get('stable:wx')).toBeUndefined();
  });
});
