export { NontaxModule } from './nontax.module.js';
export type { NontaxModuleExtras } from './nontax.module-definition.js';
export {
  NONTAX_OPTIONS,
  ACCESS_TOKEN_STRATEGY,
  ACCESS_TOKEN_STORE,
  REFUND_GUARD,
} from './nontax.constants.js';
export type {
  NontaxModuleOptions,
  NontaxTokenMode,
} from './interfaces/nontax-module-options.interface.js';
export type { ResolvedNontaxOptions } from './options/resolve-options.js';
export type { RefundRequest } from './interfaces/refund-request.interface.js';
export type {
  RefundResult,
  RefundKind,
} from './interfaces/refund-result.interface.js';
export {
  RefundRequestDto,
  MAX_ID_LENGTH,
  MAX_REASON_LENGTH,
  MAX_APPID_LENGTH,
} from './dto/refund-request.dto.js';
export { RefundService } from './refund/refund.service.js';
export { NontaxExceptionFilter } from './filters/nontax-exception.filter.js';
export type { NontaxErrorBody } from './filters/nontax-error-body.js';
export type { AccessTokenStrategy } from './token/access-token-strategy.interface.js';
export type {
  AccessTokenStore,
  CachedAccessToken,
} from './token/access-token-store.interface.js';
export { MemoryAccessTokenStore } from './token/memory-access-token.store.js';
export { StableAccessTokenStrategy } from './token/stable-access-token.strategy.js';
export { ClassicAccessTokenStrategy } from './token/classic-access-token.strategy.js';
export { FixedAccessTokenStrategy } from './token/fixed-access-token.strategy.js';
export {
  WECHAT_ERRCODES,
  UNKNOWN_ERRCODE,
  describeErrcode,
  isTokenErrcode,
  type WechatErrcodeInfo,
  type WechatRetryClass,
  type WechatErrorParty,
} from './errors/errcode-table.js';
export { NontaxError, type NontaxErrorCode } from './errors/nontax.error.js';
export { WechatApiError } from './errors/wechat-api.error.js';
export { AccessTokenError } from './errors/access-token.error.js';
export {
  WechatRequestError,
  type WechatFailure,
  type WechatDelivery,
} from './errors/wechat-request.error.js';
export {
  RefundOutcomeUnknownError,
  type UnknownRefundDetails,
} from './errors/refund-outcome-unknown.error.js';
export { InvalidRefundRequestError } from './errors/invalid-refund-request.error.js';
export { AppidNotConfiguredError } from './errors/appid-not-configured.error.js';
export { NontaxConfigError } from './errors/nontax-config.error.js';
export type { NontaxRedisOptions } from './interfaces/nontax-redis-options.interface.js';
export type {
  RefundGuard,
  RefundTarget,
  ReleaseRefund,
} from './guard/refund-guard.interface.js';
export { MemoryRefundGuard } from './guard/memory-refund.guard.js';
export type {
  TokenFetchLock,
  ReleaseLock,
} from './token/token-fetch-lock.interface.js';
export { RefundInProgressError } from './errors/refund-in-progress.error.js';
export { RedisUnavailableError } from './errors/redis-unavailable.error.js';
export { OrderService } from './order/order.service.js';
export type {
  NontaxOrder,
  NontaxPartialRefund,
  OrderState,
} from './interfaces/nontax-order.interface.js';
export type { ReconcileResult } from './interfaces/reconcile-result.interface.js';
export type { SafeRefundOptions } from './interfaces/safe-refund-options.interface.js';
export type { SafeRefundResult } from './interfaces/refund-result.interface.js';
export type { RefundState } from './errors/nontax.error.js';
export { RefundNotAppliedError } from './errors/refund-not-applied.error.js';
export {
  OrderNotRefundableError,
  type NotRefundableReason,
} from './errors/order-not-refundable.error.js';
export type { WechatErrcodeOverride } from './options/resolve-errcodes.js';
export {
  safeJsonBody,
  UnsafeJsonBodyError,
  type SafeJsonBodyOptions,
} from './http/safe-json-body.js';
