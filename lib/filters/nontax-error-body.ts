import {
  NontaxError,
  type NontaxErrorCode,
  type RefundState,
} from '../errors/nontax.error.js';
import { OrderNotRefundableError } from '../errors/order-not-refundable.error.js';
import { RefundOutcomeUnknownError } from '../errors/refund-outcome-unknown.error.js';

/** The JSON body `NontaxExceptionFilter` answers with. */
export interface NontaxErrorBody {
  readonly statusCode: number;
  /** A stable code for programs, e.g. `REFUND_OUTCOME_UNKNOWN`. */
  readonly code: NontaxErrorCode;
  /** WeChat's errcode, or `null` when WeChat sent none. */
  readonly errcode: number | null;
  /** WeChat's errmsg, or `null` (also when it describes this server). */
  readonly errmsg: string | null;
  /** WeChat's request id for support, or `null`. */
  readonly rid: string | null;
  /** What happened, in plain words. */
  readonly message: string;
  /**
   * For errors of a refund call: `rejected` (nothing moved, safe to send
   * again) or `unknown` (may have moved: reconcile before sending again).
   */
  readonly refund_state?: RefundState;
  /** For an unknown outcome: the order to check before trying again. */
  readonly order_id?: string;
  readonly refund_out_id?: string;
  /** When a partial refund asked for more: what is left, in fen. */
  readonly refundable_fee?: number;
}

const MISCONFIGURED =
  'The refund service cannot work right now: its set-up, its WeChat ' +
  'account or a service it depends on needs the operator, who has the ' +
  'detail in the server log. Nothing was refunded.';

/**
 * The body for an error. Errors whose text describes this server (its IP,
 * its AppSecret) get a generic message: the detail is for the server log.
 */
export function toErrorBody(error: NontaxError): NontaxErrorBody {
  const body: NontaxErrorBody = {
    statusCode: error.httpStatus,
    code: error.code,
    errcode: error.errcode ?? null,
    errmsg: error.internal ? null : (error.errmsg ?? null),
    rid: error.rid ?? null,
    message: error.internal ? MISCONFIGURED : error.message,
    ...(error.refundState && { refund_state: error.refundState }),
  };
  if (error instanceof OrderNotRefundableError) {
    const left = error.refundable_fee;
    return left === undefined ? body : { ...body, refundable_fee: left };
  }
  if (!(error instanceof RefundOutcomeUnknownError)) return body;
  return {
    ...body,
    order_id: error.order_id,
    ...(error.refund_out_id && { refund_out_id: error.refund_out_id }),
  };
}
