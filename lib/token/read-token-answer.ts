import { AccessTokenError } from '../errors/access-token.error.js';
import {
  readErrcode,
  readErrmsg,
  type WechatAnswer,
} from '../http/wechat-answer.js';
import { redactSecrets } from '../http/redact.js';

/** A token as WeChat handed it out. */
export interface FetchedToken {
  readonly token: string;
  readonly expiresInSeconds: number;
}

/**
 * Reads `{access_token, expires_in}` from a token endpoint's answer.
 * @throws AccessTokenError for an errcode, an empty token or an
 * `expires_in` that is missing, zero or not a number
 */
export function readTokenAnswer(
  appid: string,
  mode: string,
  answer: WechatAnswer,
  secret: string,
): FetchedToken {
  const errcode = readErrcode(answer);
  if (errcode === null) {
    throw new AccessTokenError(appid, mode, 'errcode is not a number');
  }
  if (errcode !== undefined && errcode !== 0) {
    const errmsg = redactSecrets(readErrmsg(answer), [secret]);
    const detail = `WeChat answered errcode ${errcode}: ${errmsg}`;
    throw new AccessTokenError(appid, mode, detail, errcode, errmsg);
  }
  const token = answer.access_token;
  if (typeof token !== 'string' || token.trim() === '') {
    throw new AccessTokenError(appid, mode, 'the answer holds no token');
  }
  const expiresIn = answer.expires_in;
  if (
    typeof expiresIn !== 'number' ||
    !Number.isFinite(expiresIn) ||
    expiresIn <= 0
  ) {
    throw new AccessTokenError(
      appid,
      mode,
      'expires_in is missing, zero or not a number',
    );
  }
  return { token, expiresInSeconds: expiresIn };
}

/**
 * How long a fetched token may be used, in milliseconds: its lifetime
 * less the margin, the margin capped at half the lifetime so that a short
 * token is still used for a while.
 */
export function usableMillis(
  expiresInSeconds: number,
  marginSeconds: number,
): number {
  const margin = Math.min(marginSeconds, expiresInSeconds / 2);
  return (expiresInSeconds - margin) * 1000;
}
