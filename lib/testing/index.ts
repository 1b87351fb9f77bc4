/**
 * `nestjs-wechat-nontax/testing`: the WeChat simulator and what tests need
 * to drive it.
 */
export {
  DEFAULT_SETTLE_AFTER_MS,
  EXAMPLE_ACCOUNT,
  EXAMPLE_APPID,
  EXAMPLE_ORDER_ID,
  EXAMPLE_SECRET,
  SIMULATOR_ENDPOINTS,
  SIMULATOR_ERRCODES,
  SIMULATOR_ERRMSGS,
} from './simulator-constants.js';
export type {
  RecordedRequest,
  SimulatorAccount,
  SimulatorEndpoint,
  SimulatorFault,
  SimulatorGetorderStyle,
  SimulatorLedgerEntry,
  SimulatorOptions,
  SimulatorOrder,
  SimulatorOrderInput,
  SimulatorPartialRefund,
} from './simulator-types.js';
export { WechatSimulator } from './wechat-simulator.js';
export { SIMULATOR_ERRCODE_OVERRIDES } from './simulator-errcode-overrides.js';
