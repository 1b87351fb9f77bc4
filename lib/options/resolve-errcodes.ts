import {
  describeErrcode,
  type WechatErrcodeInfo,
  type WechatErrorParty,
} from '../errors/errcode-table.js';
import { NontaxConfigError } from '../errors/nontax-config.error.js';

/** What you know of an errcode WeChat does not document. */
export interface WechatErrcodeOverride {
  /** A plain meaning, shown in messages. */
  readonly meaning: string;
  /** The HTTP status the filter answers with, 400 to 599. */
  readonly httpStatus: number;
  /**
   * Who must act; `config` hides errmsg from API clients.
   * @default 'client'
   */
  readonly party?: WechatErrorParty;
}

const PARTIES: readonly WechatErrorParty[] = [
  'client',
  'config',
  'bug',
  'upstream',
];

/**
 * Checks the `errcodes` option. The codes that steer retries (-1 and the
 * token errcodes) cannot be changed: what is resent must not depend on
 * configuration.
 * @throws NontaxConfigError naming the errcode
 */
export function resolveErrcodes(
  errcodes: Readonly<Record<number, WechatErrcodeOverride>> | undefined,
): ReadonlyMap<number, WechatErrcodeInfo> {
  const table = new Map<number, WechatErrcodeInfo>();
  for (const [key, override] of Object.entries(errcodes ?? {})) {
    const errcode = Number(key);
    const option = `errcodes.${key}`;
    if (!Number.isSafeInteger(errcode)) {
      throw new NontaxConfigError(option, 'must be an integer errcode');
    }
    if (describeErrcode(errcode).retry !== 'never') {
      throw new NontaxConfigError(option, 'steers retries; it cannot change');
    }
    table.set(errcode, checkOverride(override, option));
  }
  return table;
}

function checkOverride(
  override: WechatErrcodeOverride,
  option: string,
): WechatErrcodeInfo {
  const { meaning, httpStatus, party = 'client' } = override ?? {};
  if (typeof meaning !== 'string' || meaning.trim() === '') {
    throw new NontaxConfigError(`${option}.meaning`, 'must be a string');
  }
  if (!Number.isInteger(httpStatus) || httpStatus < 400 || httpStatus > 599) {
    throw new NontaxConfigError(`${option}.httpStatus`, 'must be 400 to 599');
  }
  if (!PARTIES.includes(party)) {
    throw new NontaxConfigError(
      `${option}.party`,
      `must be one of ${PARTIES.join(', ')}`,
    );
  }
  return { meaning, httpStatus, party, retry: 'never' };
}
