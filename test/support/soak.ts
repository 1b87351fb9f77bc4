import { setTimeout as sleep } from 'node:timers/promises';
import {
  NontaxError,
  RefundOutcomeUnknownError,
  type RefundRequest,
} from '../../lib/index.js';
import {
  EXAMPLE_APPID,
  WechatSimulator,
  type SimulatorEndpoint,
  type SimulatorFault,
} from '../../lib/testing/index.js';
import { startInstance } from './nontax-harness.js';

/** What a soak run counted. */
export interface SoakCounts {
  sent: number;
  accepted: number;
  rejected: number;
  unknown: number;
  /** Refund ids the ledger holds more than once: must be 0. */
  appliedTwice: number;
  /** Refunds that never settled, or that settled as none of the three. */
  lost: number;
  /** Accepted but not in the ledger, or rejected but in it: must be 0. */
  misreported: number;
  /** Unknown ones that reconcile then told apart correctly. */
  reconciledRight: number;
  heapBeforeMb: number;
  heapAfterMb: number;
  socketsBefore: number;
  socketsAfter: number;
}

// The faults the soak draws from, with their weights; `undefined` is a
// normal answer.
const FAULTS: [number, SimulatorEndpoint, SimulatorFault | undefined][] = [
  [50, '/nontax/refund', undefined],
  [5, '/nontax/refund', { type: 'errcode', errcode: 40001 }],
  [5, '/nontax/refund', { type: 'errcode', errcode: 42001 }],
  [5, '/nontax/refund', { type: 'errcode', errcode: -1 }],
  [5, '/nontax/refund', { type: 'errcode', errcode: 9403105 }],
  [3, '/nontax/refund', { type: 'hang' }],
  [5, '/nontax/refund', { type: 'drop' }],
  [5, '/nontax/refund', { type: 'html502' }],
  [5, '/nontax/refund', { type: 'delay', ms: 20 }],
  [4, '/nontax/refund', { type: 'apply-then-drop' }],
  [4, '/nontax/refund', { type: 'apply-then-errcode', errcode: -1 }],
  [2, '/nontax/refund', { type: 'apply-then-hang' }],
  [1, '/cgi-bin/stable_token', { type: 'html502' }],
];
const TOTAL = FAULTS.reduce((sum, [weight]) => sum + weight, 0);

function drawFault(simulator: WechatSimulator): void {
  let pick = Math.random() * TOTAL;
  for (const [weight, endpoint, fault] of FAULTS) {
    pick -= weight;
    if (pick > 0) continue;
    if (fault) simulator.fail(endpoint, fault);
    return;
  }
}

function sockets(): number {
  return process
    .getActiveResourcesInfo()
    .filter((r) => r === 'TCPSocketWrap' || r === 'TCPWrap').length;
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

type Outcome = 'accepted' | 'rejected' | 'unknown' | 'lost';

function classify(settled: PromiseSettledResult<unknown>): Outcome {
  if (settled.status === 'fulfilled') return 'accepted';
  const error = settled.reason;
  if (error instanceof RefundOutcomeUnknownError) return 'unknown';
  if (error instanceof NontaxError && error.refundState === 'rejected') {
    return 'rejected';
  }
  return 'lost';
}

/**
 * Sends `refunds` partial refunds through the module, `concurrency` at a
 * time, while the simulator plays random faults; then compares what the
 * module reported with the simulator's ledger.
 */
export async function runSoak(
  refunds: number,
  concurrency: number,
): Promise<SoakCounts> {
  const socketsBefore = sockets();
  const heapBeforeMb = heapMb();
  // Measured once everything the run held is out of scope.
  const counts = await soak(refunds, concurrency);
  await sleep(50);
  return {
    ...counts,
    heapBeforeMb,
    heapAfterMb: heapMb(),
    socketsBefore,
    socketsAfter: sockets(),
  };
}

/** Refunds per order: a real order has a handful, not thousands. */
const PER_ORDER = 20;

async function soak(
  refunds: number,
  concurrency: number,
): Promise<
  Omit<
    SoakCounts,
    'heapBeforeMb' | 'heapAfterMb' | 'socketsBefore' | 'socketsAfter'
  >
> {
  const simulator = await WechatSimulator.start({ settleAfterMs: 0 });
  const orderOf = (n: number) => `SOAK-${Math.floor(n / PER_ORDER)}`;
  for (let n = 0; n < refunds; n += PER_ORDER) {
    simulator.addOrder({
      appid: EXAMPLE_APPID,
      order_id: orderOf(n),
      fee: PER_ORDER,
    });
  }
  // Long enough that only the faults time out: in one process under jest
  // the client and the simulator share one core's worth of CPU.
  const instance = await startInstance(simulator, {
    timeout: 1000,
    refundableCheck: 'off',
  });
  const requests: RefundRequest[] = Array.from({ length: refunds }, (_, n) => ({
    order_id: orderOf(n),
    reason: 'soak',
    refund_fee: 1,
    refund_out_id: `K-${n}`,
  }));
  const outcomes: Outcome[] = new Array(refunds);
  let next = 0;
  const lane = async () => {
    while (next < refunds) {
      const n = next++;
      drawFault(simulator);
      const [settled] = await Promise.allSettled([
        instance.refunds.refund(requests[n]),
      ]);
      outcomes[n] = classify(settled);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  simulator.clearFaults();
  await sleep(100); // delayed answers finish applying

  const applied = new Map<string, number>();
  for (const entry of simulator.ledger) {
    const id = entry.refund_out_id ?? '';
    applied.set(id, (applied.get(id) ?? 0) + 1);
  }
  const counts = {
    sent: refunds,
    accepted: 0,
    rejected: 0,
    unknown: 0,
    appliedTwice: [...applied.values()].filter((c) => c > 1).length,
    lost: 0,
    misreported: 0,
    reconciledRight: 0,
  };
  for (let n = 0; n < refunds; n++) {
    const outcome = outcomes[n];
    const inLedger = applied.has(`K-${n}`);
    if (outcome === 'lost' || outcome === undefined) counts.lost++;
    else counts[outcome]++;
    if (outcome === 'accepted' && !inLedger) counts.misreported++;
    if (outcome === 'rejected' && inLedger) counts.misreported++;
    if (outcome === 'unknown') {
      const found = await instance.refunds.reconcile(requests[n]);
      const says = found.state === 'refunded' || found.state === 'refunding';
      if (found.state !== 'unknown' && says === inLedger) {
        counts.reconciledRight++;
      }
    }
  }
  await instance.close();
  await simulator.close();
  return counts;
}

/** One line a count, for people. */
export function describeSoak(counts: SoakCounts): string {
  const mb = (n: number) => `${n.toFixed(1)} MB`;
  return [
    `sent ${counts.sent}: accepted ${counts.accepted}, rejected ` +
      `${counts.rejected}, unknown ${counts.unknown}`,
    `applied twice ${counts.appliedTwice}, lost ${counts.lost}, ` +
      `misreported ${counts.misreported}`,
    `unknown told apart by reconcile: ${counts.reconciledRight} of ` +
      `${counts.unknown}`,
    `heap ${mb(counts.heapBeforeMb)} before, ${mb(counts.heapAfterMb)} ` +
      `after; TCP handles ${counts.socketsBefore} before, ` +
      `${counts.socketsAfter} after`,
  ].join('\n');
}
