import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { RedisUnavailableError } from '../errors/redis-unavailable.error.js';

/**
 * The module's handle on Redis: prefixed keys, a time limit on every
 * command, and one log line per outage rather than one per call.
 */
export class NontaxRedis {
  private readonly logger = new Logger('NontaxRedis');
  private down = false;

  constructor(
    readonly client: Redis,
    private readonly keyPrefix: string,
    private readonly commandTimeout: number,
    private readonly owned: boolean,
  ) {}

  /** A key under the module's prefix; parts never hold a secret. */
  key(...parts: string[]): string {
    return this.keyPrefix + parts.join(':');
  }

  /**
   * Runs one command within the time limit.
   * @throws RedisUnavailableError naming `operation`
   */
  async run<T>(
    operation: string,
    command: (client: Redis) => Promise<T>,
  ): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${this.commandTimeout} ms`)),
        this.commandTimeout,
      );
    });
    try {
      const result = await Promise.race([command(this.client), timeout]);
      this.markUp();
      return result;
    } catch (error) {
      throw this.markDown(operation, error);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Closes the client if the module made it: politely, but never waiting
   * longer than one command on a Redis that does not answer.
   */
  async close(): Promise<void> {
    if (!this.owned) return;
    const quit = this.client.quit().then(
      () => true,
      () => false,
    );
    const timeout = sleep(this.commandTimeout).then(() => false);
    if (!(await Promise.race([quit, timeout]))) this.client.disconnect();
  }

  private markUp(): void {
    if (!this.down) return;
    this.down = false;
    this.logger.log('Redis answers again');
  }

  private markDown(operation: string, error: unknown): RedisUnavailableError {
    const detail = error instanceof Error ? error.message : String(error);
    const failure = new RedisUnavailableError(operation, detail);
    if (!this.down) {
      this.down = true;
      this.logger.error(`${failure.message}; calls fail until it is back`);
    }
    return failure;
  }
}
