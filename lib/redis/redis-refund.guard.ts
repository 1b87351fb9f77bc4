import { randomUUID } from 'node:crypto';
import { RefundInProgressError } from '../errors/refund-in-progress.error.js';
import type {
  RefundGuard,
  RefundTarget,
  ReleaseRefund,
} from '../guard/refund-guard.interface.js';
import type { NontaxRedis } from './nontax-redis.js';

// One sorted set per order holds the refunds in flight: members are
// `full|<owner>` or `part:<refund_out_id>|<owner>`, scored by when they
// expire (Redis time), so a holder that died frees the order on its own.
// The owner is a UUID: 36 characters after the last '|'.
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local mine = ARGV[1]
for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local held = string.sub(member, 1, #member - 37)
  if mine == 'full' or held == 'full' or held == mine then return 0 end
end
local ttl = tonumber(ARGV[3])
redis.call('ZADD', KEYS[1], now + ttl, mine .. '|' .. ARGV[2])
if redis.call('PTTL', KEYS[1]) < ttl then
  redis.call('PEXPIRE', KEYS[1], ttl)
end
return 1`;

// Pushes the expiry of a hold that is still ours; 0 once it is gone.
const RENEW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
local ttl = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], 'XX', now + ttl, ARGV[1])
if redis.call('PTTL', KEYS[1]) < ttl then
  redis.call('PEXPIRE', KEYS[1], ttl)
end
return 1`;

/**
 * The refund guard shared by every instance, through Redis. A hold lasts
 * `ttlMs` and is renewed every third of that while its call runs, so a
 * long `refundSafely` keeps it, and a dead process loses it within `ttlMs`.
 */
export class RedisRefundGuard implements RefundGuard {
  constructor(
    private readonly redis: NontaxRedis,
    private readonly ttlMs: number,
  ) {}

  async acquire(target: RefundTarget): Promise<ReleaseRefund> {
    const key = this.redis.key('refund', target.appid, target.order_id);
    const mine =
      target.refund_out_id === undefined
        ? 'full'
        : `part:${target.refund_out_id}`;
    const owner = randomUUID();
    const taken = await this.redis.run('refund guard acquire', (c) =>
      c.eval(ACQUIRE, 1, key, mine, owner, this.ttlMs),
    );
    if (taken !== 1) {
      throw new RefundInProgressError(target.order_id, target.refund_out_id);
    }
    const member = `${mine}|${owner}`;
    const renewal = setInterval(
      () => void this.renew(key, member),
      this.ttlMs / 3,
    );
    renewal.unref();
    return () => {
      clearInterval(renewal);
      return this.release(key, member);
    };
  }

  private async renew(key: string, member: string): Promise<void> {
    // A failed renewal is retried at the next tick; the outage itself is
    // logged once by NontaxRedis.
    await this.redis
      .run('refund guard renew', (c) =>
        c.eval(RENEW, 1, key, member, this.ttlMs),
      )
      .catch(() => undefined);
  }

  private async release(key: string, member: string): Promise<void> {
    // A failed release must not hide the refund's outcome: the hold
    // expires by itself, and NontaxRedis has logged the outage once.
    await this.redis
      .run('refund guard release', (c) => c.zrem(key, member))
      .catch(() => undefined);
  }
}
