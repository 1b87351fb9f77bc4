import type { RefundRequest } from '../interfaces/refund-request.interface.js';

/** Exactly what `/nontax/refund` receives. */
export interface RefundBody {
  appid: string;
  order_id: string;
  reason: string;
  refund_fee?: number;
  refund_out_id?: string;
}

/** The fields a refund request may hold; nothing else is read. */
export const REFUND_FIELDS = [
  'appid',
  'order_id',
  'reason',
  'refund_fee',
  'refund_out_id',
] as const;

/**
 * A copy of the request's own fields, each read once. Validation and the
 * body both use this copy, so a getter, an inherited field or a change
 * made by the caller after the call cannot make what is sent differ from
 * what was checked.
 * @returns the copy, and the names of any other own keys
 */
export function snapshotRequest(request: object): {
  snapshot: Record<string, unknown>;
  unknownKeys: string[];
} {
  const snapshot: Record<string, unknown> = {};
  const unknownKeys: string[] = [];
  for (const key of Object.keys(request)) {
    const value: unknown = (request as Record<string, unknown>)[key];
    if (!(REFUND_FIELDS as readonly string[]).includes(key)) {
      if (value !== undefined) unknownKeys.push(key);
    } else if (value !== undefined) {
      snapshot[key] = value;
    }
  }
  return { snapshot, unknownKeys };
}

/**
 * Builds the body from an allow-list of the five fields, never from a
 * spread of the caller's object: nothing else reaches WeChat, and no key
 * is sent with `null` or `undefined`. The request was validated before.
 */
export function buildRefundBody(
  request: RefundRequest,
  appid: string,
): RefundBody {
  const body: RefundBody = {
    appid,
    order_id: request.order_id,
    reason: request.reason,
  };
  if (request.refund_fee !== undefined) {
    body.refund_fee = request.refund_fee;
    body.refund_out_id = request.refund_out_id;
  }
  return body;
}
