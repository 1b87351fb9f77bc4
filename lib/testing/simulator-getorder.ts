import type {
  SimulatorGetorderStyle,
  SimulatorOrder,
  SimulatorPartialRefund,
} from './simulator-types.js';

/** A getorder style with every default filled in. */
export type ResolvedGetorderStyle = Required<SimulatorGetorderStyle>;

/** Fills in a getorder style's defaults (a list, numbers) and checks it. */
export function resolveGetorderStyle(
  style: SimulatorGetorderStyle = {},
): ResolvedGetorderStyle {
  const partialRefundInfo = style.partialRefundInfo ?? 'list';
  // Checked at run time too: JavaScript callers get no type check.
  if (partialRefundInfo !== 'list' && partialRefundInfo !== 'object') {
    const shown = String(partialRefundInfo);
    throw new RangeError(`partialRefundInfo must be list or object: ${shown}`);
  }
  return {
    partialRefundInfo,
    numbersAsStrings: style.numbersAsStrings ?? false,
  };
}

/** The body fields of a getorder answer for `order`, shaped by `style`. */
export function getorderView(
  order: SimulatorOrder,
  style: ResolvedGetorderStyle,
): Record<string, unknown> {
  const number = numberShaper(style);
  const view: Record<string, unknown> = {
    appid: order.appid,
    order_id: order.order_id,
    fee: number(order.fee),
    status: number(order.status),
    create_time: order.create_time,
    pay_finish_time: order.pay_finish_time,
    refund_order_id: order.refund_order_id,
    refund_out_id: order.refund_out_id,
    refund_reason: order.refund_reason,
    refund_finish_time: number(order.refund_finish_time),
    // WeChat adds fields without notice: one no client knows shows that a
    // client must ignore what it does not know.
    notify_history: [],
  };
  const partials = order.partial_refunds.map((p) => partialView(p, number));
  if (style.partialRefundInfo === 'list') {
    view.partial_refund_info = partials;
  } else if (partials.length > 0) {
    view.partial_refund_info = partials.at(-1);
  }
  return view;
}

/** Sends a number as is or as a numeric string; absent stays absent. */
type NumberShaper = (value: number | undefined) => number | string | undefined;

function numberShaper(style: ResolvedGetorderStyle): NumberShaper {
  if (!style.numbersAsStrings) return (value) => value;
  return (value) => (value === undefined ? undefined : String(value));
}

/** The fields getorder sends for a partial refund; no bookkeeping. */
function partialView(
  partial: SimulatorPartialRefund,
  number: NumberShaper,
): Record<string, unknown> {
  return {
    refund_order_id: partial.refund_order_id,
    refund_out_id: partial.refund_out_id,
    refund_fee: number(partial.refund_fee),
    refund_reason: partial.refund_reason,
    refund_finish_time: number(partial.refund_finish_time),
    refund_status: number(partial.refund_status),
  };
}
