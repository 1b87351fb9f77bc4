import type { WechatFailure } from '../errors/wechat-request.error.js';

const BY_CODE: Readonly<Record<string, WechatFailure>> = {
  ECONNABORTED: 'timeout',
  ETIMEDOUT: 'timeout',
  ERR_CANCELED: 'timeout',
  ECONNRESET: 'connection-reset',
  EPIPE: 'connection-reset',
  ECONNREFUSED: 'connection-refused',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  ERR_BAD_RESPONSE: 'bad-body',
};

/**
 * Names a transport failure from the error code of the HTTP client. Only
 * the code is read: the error itself holds the URL and is never kept.
 */
export function classifyFailure(error: unknown): WechatFailure {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code in BY_CODE) return BY_CODE[code];
  const message = (error as { message?: unknown } | null)?.message;
  if (typeof message === 'string' && /socket hang up/i.test(message)) {
    return 'connection-reset';
  }
  return 'network';
}
