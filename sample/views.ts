import type { NontaxOrder, ReconcileResult } from 'nestjs-wechat-nontax';

// What the sample shows API clients. WeChat's raw order answer holds the
// payer's openid and bank details, and errors may describe this server:
// neither leaves it.

export type OrderView = Omit<NontaxOrder, 'raw'>;

export function orderView(order: NontaxOrder): OrderView {
  const { raw: _raw, ...view } = order;
  return view;
}

export function reconcileView(result: ReconcileResult) {
  if ('refund' in result) {
    return { state: result.state, refund: result.refund };
  }
  return {
    state: result.state,
    reason: result.reason,
    ...(result.order && { order: orderView(result.order) }),
  };
}
