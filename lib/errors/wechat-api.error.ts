import { describeErrcode, type WechatErrcodeInfo } from './errcode-table.js';
import { NontaxError, type NontaxErrorCode } from './nontax.error.js';
import { parseRid } from './rid.js';

/**
 * WeChat answered a call with a non-zero errcode. The errcode, the errmsg
 * and the rid are kept exactly as WeChat sent them.
 */
export class WechatApiError extends NontaxError {
  readonly code: NontaxErrorCode;
  readonly httpStatus: number;
  override readonly errcode: number;
  override readonly errmsg: string;
  override readonly rid?: string;
  override readonly internal: boolean;

  /** The errcode's row in the table: meaning, retry class, status. */
  readonly info: WechatErrcodeInfo;

  constructor(
    errcode: number,
    errmsg: string,
    /** The path that answered, e.g. `/nontax/refund`. */
    readonly endpoint: string,
    /** The row to use; the module passes its table with your overrides. */
    info: WechatErrcodeInfo = describeErrcode(errcode),
  ) {
    super(
      `WeChat ${endpoint} answered errcode ${errcode} ` +
        `(${info.meaning}): ${errmsg}`,
    );
    this.info = info;
    this.errcode = errcode;
    this.errmsg = errmsg;
    this.rid = parseRid(errmsg);
    this.httpStatus = info.httpStatus;
    this.internal = info.party === 'config';
    this.code = this.internal ? 'WECHAT_MISCONFIGURED' : 'WECHAT_API_ERROR';
    if (endpoint === '/nontax/refund') this.refundState = 'rejected';
  }
}
