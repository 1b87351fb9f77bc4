import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { AuthenticatedRequest } from './api-key.guard.js';

/**
 * `@nestjs/throttler`, counted per API client across all its routes, and
 * only for calls that passed the API key (it runs after `ApiKeyGuard`), so
 * nobody without a key can use up a client's allowance, and clients behind
 * one proxy address do not share one.
 */
@Injectable()
export class ClientThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(
    request: Record<string, unknown>,
  ): Promise<string> {
    const client = (request as unknown as AuthenticatedRequest).apiClient;
    return client ? `client:${client}` : `ip:${String(request.ip)}`;
  }

  protected override generateKey(
    _context: ExecutionContext,
    tracker: string,
    name: string,
  ): string {
    return `${name}:${tracker}`;
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    this.logger.warn(
      `rate limit reached: who=${request.apiClient ?? '-'} ` +
        `${JSON.stringify(request.url ?? '').slice(0, 80)}`,
    );
    await super.throwThrottlingException(context, detail);
  }
}
