import { HttpStatus } from '@nestjs/common';
import {
  NontaxError,
  type NontaxErrorCode,
  type RefundState,
} from './nontax.error.js';
import { parseRid } from './rid.js';

/**
 * Fetching an access token failed: WeChat refused (wrong AppSecret, IP not
 * whitelisted, quota used up, ...) or could not be reached. Nothing was
 * cached and no call was sent with an empty token. This is a problem of
 * the service's set-up, never of the API client's request.
 */
export class AccessTokenError extends NontaxError {
  readonly code: NontaxErrorCode = 'ACCESS_TOKEN_FAILED';
  readonly httpStatus = HttpStatus.SERVICE_UNAVAILABLE;
  override readonly internal = true;
  // Nothing was sent to WeChat.
  override refundState: RefundState = 'rejected';
  override readonly errcode?: number;
  override readonly errmsg?: string;
  override readonly rid?: string;

  constructor(
    readonly appid: string,
    /** `stable`, `classic` or the name of a custom strategy. */
    readonly mode: string,
    detail: string,
    errcode?: number,
    errmsg?: string,
  ) {
    super(`Could not get a ${mode} access token for ${appid}: ${detail}`);
    this.errcode = errcode;
    this.errmsg = errmsg;
    this.rid = parseRid(errmsg);
  }
}
