/**
 * `nestjs-wechat-nontax/testing`: the WeChat simulator and what tests need
 * to drive it.
 */
export {
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
  SimulatorLedgerEntry,
  SimulatorOptions,
  SimulatorOrder,
  SimulatorOrderInput,
  SimulatorPartialRefund,
} from './simulator-types.js';
export { WechatSimulator } from './wechat-simulator.js';
