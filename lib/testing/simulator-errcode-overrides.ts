import type { WechatErrcodeOverride } from '../options/resolve-errcodes.js';
import { SIMULATOR_ERRCODES as E } from './simulator-constants.js';

/**
 * What the simulator's made-up rejection errcodes mean, for the `errcodes`
 * option of NontaxModule in tests and in the sample's simulator mode.
 * WeChat documents none of its own: do not use these against WeChat.
 */
export const SIMULATOR_ERRCODE_OVERRIDES: Readonly<
  Record<number, WechatErrcodeOverride>
> = {
  [E.ORDER_NOT_FOUND]: { meaning: 'order not found', httpStatus: 404 },
  [E.ORDER_NOT_PAID]: { meaning: 'order not paid', httpStatus: 409 },
  [E.ORDER_ALREADY_REFUNDED]: {
    meaning: 'order already refunded',
    httpStatus: 409,
  },
  [E.REFUND_OUT_ID_REUSED]: {
    meaning: 'refund_out_id used for another amount',
    httpStatus: 409,
  },
  [E.REFUND_EXCEEDS_REMAINING]: {
    meaning: 'more than is left to refund',
    httpStatus: 422,
  },
};
