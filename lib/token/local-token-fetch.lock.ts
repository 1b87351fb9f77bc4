import type {
  ReleaseLock,
  TokenFetchLock,
} from './token-fetch-lock.interface.js';

const release: ReleaseLock = async () => undefined;

/**
 * The lock for one process: always granted, because the strategy already
 * lets one fetch per key run at a time in the process.
 */
export class LocalTokenFetchLock implements TokenFetchLock {
  async tryAcquire(): Promise<ReleaseLock> {
    return release;
  }
}
