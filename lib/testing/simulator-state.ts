import {
  DEFAULT_SETTLE_AFTER_MS,
  EXAMPLE_ACCOUNT,
  EXAMPLE_ORDER_ID,
} from './simulator-constants.js';
import { FaultQueue } from './simulator-faults.js';
import {
  resolveGetorderStyle,
  type ResolvedGetorderStyle,
} from './simulator-getorder.js';
import { OrderBook } from './simulator-orders.js';
import { TokenStore } from './simulator-tokens.js';
import type {
  RecordedRequest,
  SimulatorAccount,
  SimulatorOptions,
} from './simulator-types.js';

/** Simulator options with every default filled in, nested ones too. */
export type ResolvedSimulatorOptions = Omit<
  Required<SimulatorOptions>,
  'getorderStyle'
> & { getorderStyle: ResolvedGetorderStyle };

/** Fills in the defaults of {@link SimulatorOptions} and checks the rest. */
export function resolveSimulatorOptions(
  options: SimulatorOptions = {},
): ResolvedSimulatorOptions {
  const resolved: ResolvedSimulatorOptions = {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    accounts: options.accounts ?? [EXAMPLE_ACCOUNT],
    tokenTtlSeconds: options.tokenTtlSeconds ?? 7200,
    classicOverlapSeconds: options.classicOverlapSeconds ?? 300,
    exampleOrderFee: options.exampleOrderFee ?? 10000,
    createExampleOrder: options.createExampleOrder ?? true,
    settleAfterMs: options.settleAfterMs ?? DEFAULT_SETTLE_AFTER_MS,
    getorderStyle: resolveGetorderStyle(options.getorderStyle),
  };
  checkSimulatorOptions(resolved);
  return resolved;
}

/** `!(x >= 0)` rather than `x < 0`, so that NaN is refused too. */
function checkSimulatorOptions(resolved: ResolvedSimulatorOptions): void {
  if (!(resolved.tokenTtlSeconds > 0)) {
    throw new RangeError('tokenTtlSeconds must be positive');
  }
  if (!(resolved.classicOverlapSeconds >= 0)) {
    throw new RangeError('classicOverlapSeconds must not be negative');
  }
  if (!(resolved.settleAfterMs >= 0)) {
    throw new RangeError('settleAfterMs must not be negative');
  }
}

/** Everything the simulator remembers, kept apart from the HTTP plumbing. */
export class SimulatorState {
  readonly tokens: TokenStore;
  readonly orders: OrderBook;
  readonly faults = new FaultQueue();
  /** How getorder answers now; starts as the option, may change later. */
  getorderStyle: ResolvedGetorderStyle;
  private readonly secrets = new Map<string, string>();
  private recorded: RecordedRequest[] = [];

  constructor(readonly options: ResolvedSimulatorOptions) {
    this.tokens = new TokenStore(
      options.tokenTtlSeconds * 1000,
      options.classicOverlapSeconds * 1000,
    );
    this.orders = new OrderBook(options.settleAfterMs);
    this.getorderStyle = options.getorderStyle;
    for (const account of options.accounts) this.addAccount(account);
    const first = options.accounts[0];
    // The example order belongs to the first account so that a custom
    // appid (e.g. from the CLI's environment) can still refund it.
    if (options.createExampleOrder && first) {
      this.orders.add(
        {
          appid: first.appid,
          order_id: EXAMPLE_ORDER_ID,
          fee: options.exampleOrderFee,
        },
        Date.now(),
      );
    }
  }

  /** Every request received since the last `clearRecords`, in order. */
  get requests(): readonly RecordedRequest[] {
    return this.recorded;
  }

  /** Adds an account, or replaces the secret of a known appid. */
  addAccount(account: SimulatorAccount): void {
    this.secrets.set(account.appid, account.secret);
  }

  /** Whether `appid` is an account the simulator knows. */
  hasAccount(appid: string): boolean {
    return this.secrets.has(appid);
  }

  /** Whether `secret` is the AppSecret of `appid`. */
  secretMatches(appid: string, secret: unknown): boolean {
    return this.secrets.get(appid) === secret;
  }

  /** Remembers one received request. */
  record(request: RecordedRequest): void {
    this.recorded.push(request);
  }

  /** Forgets requests and the ledger; tokens and orders stay. */
  clearRecords(): void {
    this.recorded = [];
    this.orders.clearLedger();
  }
}
