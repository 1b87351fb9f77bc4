import { randomBytes } from 'node:crypto';
import { SIMULATOR_ERRMSGS } from './simulator-constants.js';

/** What a handler wants sent back: an HTTP status and a JSON body. */
export interface SimulatorReply {
  status: number;
  json: Record<string, unknown>;
}

/**
 * A refusal before anything is applied. A class, not a plain shape, so that
 * a request body that happens to hold an `errcode` key is never taken for
 * one.
 */
export class SimulatorRejection {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {}
}

/** Whether `value` is a rejection rather than a result. */
export function isRejection<T>(
  value: T | SimulatorRejection,
): value is SimulatorRejection {
  return value instanceof SimulatorRejection;
}

/** A fresh access token: long and URL-safe, like WeChat's. */
export function newAccessToken(): string {
  return randomBytes(36).toString('base64url');
}

/** A request id shaped like the ones WeChat appends to errmsg. */
export function newRid(): string {
  const hex = randomBytes(12).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 16)}-${hex.slice(16)}`;
}

/** A WeChat-style refund order id (same shape as WeChat's order ids). */
export function newRefundOrderId(): string {
  return randomBytes(21).toString('base64url');
}

/** A rejection carrying the simulator's usual message for `errcode`. */
export function reject(errcode: number, errmsg?: string): SimulatorRejection {
  return new SimulatorRejection(errcode, errmsg ?? messageFor(errcode));
}

/** The message paired with `errcode`, or a generic one for unknown codes. */
export function messageFor(errcode: number): string {
  return SIMULATOR_ERRMSGS[errcode] ?? `simulated error ${errcode}`;
}

/**
 * An HTTP 200 WeChat answer. WeChat appends ` rid: <id>` to every errmsg,
 * success included, so callers get to see and keep it.
 */
export function wechatReply(
  errcode: number,
  errmsg: string = messageFor(errcode),
  extra: Record<string, unknown> = {},
): SimulatorReply {
  return {
    status: 200,
    json: { errcode, errmsg: `${errmsg} rid: ${newRid()}`, ...extra },
  };
}

/** The HTTP 200 answer for a rejection. */
export function rejectionReply(rejection: SimulatorRejection): SimulatorReply {
  return wechatReply(rejection.errcode, rejection.errmsg);
}
