import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';

/** The Redis the tests share; `REDIS_URL` or the local default. */
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix no other run or test file uses. */
export function testPrefix(name: string): string {
  return `nontax-test:${name}:${randomBytes(4).toString('hex')}:`;
}

/** Deletes every key under `prefix`. */
export async function dropPrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true });
  await redis.connect();
  try {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

/** Every key under `prefix`, for assertions. */
export async function keysUnder(prefix: string): Promise<string[]> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true });
  await redis.connect();
  try {
    return (await redis.keys(`${prefix}*`)).sort();
  } finally {
    redis.disconnect();
  }
}
