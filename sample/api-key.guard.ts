import {
  Inject,
  Injectable,
  Logger,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { SETTINGS, type ReadSetting } from './settings.js';

/** What the guard adds to the request: which client called. */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  url?: string;
  apiClient?: string;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * Lets a request through only with `authorization: Bearer <key>` for one
 * of the keys in `SAMPLE_API_KEYS` (`name=key,name=key`). Keys are
 * compared as digests in constant time; the client's name goes to the
 * audit log, the key never does.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly keys: { name: string; digest: Buffer }[];
  private readonly logger = new Logger('ApiKeyGuard');

  constructor(@Inject(SETTINGS) read: ReadSetting) {
    this.keys = parseKeys(read('SAMPLE_API_KEYS') ?? '');
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const token =
      typeof header === 'string' ? /^Bearer (\S+)$/.exec(header)?.[1] : '';
    const offered = digest(token ?? '');
    const client = this.keys.find((k) => timingSafeEqual(k.digest, offered));
    if (!token || !client) {
      this.logger.warn(
        `refused a call without a valid API key: ${JSON.stringify(
          request.url ?? '',
        ).slice(0, 80)}`,
      );
      throw new UnauthorizedException(
        'This endpoint needs authorization: Bearer <API key>',
      );
    }
    request.apiClient = client.name;
    return true;
  }
}

/** `name=key,name=key`; a key shorter than 16 characters is refused. */
export function parseKeys(text: string): { name: string; digest: Buffer }[] {
  return text
    .split(',')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => {
      // name=key; the key itself may hold '=' (base64 padding).
      const at = pair.indexOf('=');
      const name = at < 0 ? '' : pair.slice(0, at);
      const key = at < 0 ? pair : pair.slice(at + 1);
      if (!key || key.length < 16) {
        throw new Error('SAMPLE_API_KEYS: every key needs 16+ characters');
      }
      return { name: name || 'client', digest: digest(key) };
    });
}
