import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { Socket } from 'node:net';
import {
  SIMULATOR_ENDPOINTS,
  SIMULATOR_ERRCODES,
} from './simulator-constants.js';
import { HTML_502_BODY } from './simulator-faults.js';
import { handleRequest } from './simulator-handlers.js';
import { readRequest, send, sendJson } from './simulator-http.js';
import { resolveGetorderStyle } from './simulator-getorder.js';
import { wechatReply, type SimulatorReply } from './simulator-replies.js';
import { resolveSimulatorOptions, SimulatorState } from './simulator-state.js';
import type {
  RecordedRequest,
  SimulatorAccount,
  SimulatorEndpoint,
  SimulatorFault,
  SimulatorGetorderStyle,
  SimulatorLedgerEntry,
  SimulatorOptions,
  SimulatorOrder,
  SimulatorOrderInput,
} from './simulator-types.js';

/** The faults that handle the request, then lose or replace the answer. */
type ApplyThenFault = Extract<
  SimulatorFault,
  { type: 'apply-then-drop' | 'apply-then-hang' | 'apply-then-errcode' }
>;

/**
 * A fake WeChat API on a real HTTP server, for tests, the sample app and
 * benchmarks: tokens (classic and stable), `/nontax/refund` and
 * `/nontax/getorder`, with faults on demand. State lives in memory.
 */
export class WechatSimulator {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly sleepers = new Map<NodeJS.Timeout, () => void>();
  private closing: Promise<void> | undefined;
  private listeningPort = 0;

  private constructor(private readonly state: SimulatorState) {
    this.server = createServer((request, response) => {
      void this.onRequest(request, response);
    });
    this.server.on('connection', (socket) => this.track(socket));
  }

  /** Starts a simulator and resolves once it listens. */
  static async start(options?: SimulatorOptions): Promise<WechatSimulator> {
    const simulator = new WechatSimulator(
      new SimulatorState(resolveSimulatorOptions(options)),
    );
    await simulator.listen();
    return simulator;
  }

  /** Where to send requests, e.g. `http://127.0.0.1:41234`. */
  get baseUrl(): string {
    const host = this.state.options.host;
    const shown = host.includes(':') ? `[${host}]` : host;
    return `http://${shown}:${this.listeningPort}`;
  }

  /** The port the server listens on. */
  get port(): number {
    return this.listeningPort;
  }

  /** Every request received since the last `clearRecords`, in order. */
  get requests(): readonly RecordedRequest[] {
    return this.state.requests;
  }

  /** Every refund the simulator applied (moved money for), in order. */
  get ledger(): readonly SimulatorLedgerEntry[] {
    return this.state.orders.ledger;
  }

  /**
   * Stops the server and destroys every open socket, hanging ones too, so
   * it resolves at once instead of waiting for clients.
   */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  /** Adds an account, or replaces the secret of a known appid. */
  addAccount(account: SimulatorAccount): void {
    this.state.addAccount(account);
  }

  /**
   * Adds or replaces an order (status defaults to 3, paid). The record is
   * live, but refunds settle only when it is looked at: read it again
   * through `order()` to see them settled.
   */
  addOrder(order: SimulatorOrderInput): SimulatorOrder {
    return this.state.orders.add(order, Date.now());
  }

  /**
   * The live record of an order, if the simulator holds it, with every
   * refund due by now settled.
   */
  order(appid: string, order_id: string): SimulatorOrder | undefined {
    return this.state.orders.get(appid, order_id, Date.now());
  }

  /**
   * Changes the shape of the next `/nontax/getorder` answers. Replaces the
   * whole style: fields left out go back to their defaults (a list,
   * numbers).
   */
  setGetorderStyle(style: SimulatorGetorderStyle): void {
    this.state.getorderStyle = resolveGetorderStyle(style);
  }

  /**
   * Queue faults for the next calls to that endpoint, in order; `times`
   * repeats a fault (default 1). Faults come before the token checks, and
   * the request is recorded all the same. The `apply-then-*` faults come
   * after the whole handling instead, token checks included: with a bad
   * token nothing is applied, and the answer is lost all the same.
   */
  fail(endpoint: SimulatorEndpoint, fault: SimulatorFault, times = 1): void {
    this.state.faults.add(endpoint, fault, times);
  }

  /** Drops every queued fault. */
  clearFaults(): void {
    this.state.faults.clear();
  }

  /** The recorded requests whose path is `endpoint`. */
  requestsTo(endpoint: SimulatorEndpoint): RecordedRequest[] {
    return this.state.requests.filter((r) => r.path === endpoint);
  }

  /**
   * Make every token issued so far invalid (as if all expired): next calls
   * using them get 42001.
   */
  expireAllTokens(): void {
    this.state.tokens.expireAll(Date.now());
  }

  /** Make one token invalid: next calls with it get 40001. */
  revokeToken(token: string): void {
    this.state.tokens.revoke(token);
  }

  /**
   * Finishes every refund in progress now, without waiting for
   * `settleAfterMs`: orders and partial refunds at 6 (refunding) move to 5
   * (refunded).
   */
  settleRefunds(): void {
    this.state.orders.settleAll(Date.now());
  }

  /** Forget recorded requests and the ledger (not tokens or orders). */
  clearRecords(): void {
    this.state.clearRecords();
  }

  private listen(): Promise<void> {
    const { port, host } = this.state.options;
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        const address = this.server.address();
        this.listeningPort =
          address && typeof address === 'object' ? address.port : 0;
        resolve();
      });
    });
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  private async onRequest(
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const recorded = await readRequest(request).catch(() => undefined);
    if (!recorded) {
      response.destroy();
      return;
    }
    this.state.record(recorded);
    const fault = this.takeFault(recorded.path);
    if (fault && isApplyThen(fault)) {
      this.applyThen(fault, recorded, response);
      return;
    }
    if (fault && (await this.playFault(fault, response))) return;
    sendJson(response, this.handle(recorded));
  }

  /** Handles the request: applies a refund, issues a token... */
  private handle(recorded: RecordedRequest): SimulatorReply {
    try {
      return handleRequest(this.state, recorded, Date.now());
    } catch {
      // A bug here must look like WeChat failing, not hang the client.
      const reply = wechatReply(SIMULATOR_ERRCODES.SYSTEM_BUSY);
      return { ...reply, status: 500 };
    }
  }

  /** The fault queued for this call, if the path is an endpoint. */
  private takeFault(path: string): SimulatorFault | undefined {
    const endpoint = SIMULATOR_ENDPOINTS.find((e) => e === path);
    return endpoint && this.state.faults.take(endpoint);
  }

  /** Handles the request, then loses or replaces its answer. */
  private applyThen(
    fault: ApplyThenFault,
    recorded: RecordedRequest,
    response: ServerResponse,
  ): void {
    this.handle(recorded);
    switch (fault.type) {
      case 'apply-then-drop':
        response.socket?.destroy();
        return;
      case 'apply-then-hang':
        // Left open on purpose: close() destroys the socket.
        return;
      case 'apply-then-errcode':
        sendJson(
          response,
          wechatReply(
            fault.errcode ?? SIMULATOR_ERRCODES.SYSTEM_BUSY,
            fault.errmsg,
          ),
        );
        return;
    }
  }

  /** Plays a fault that comes before handling; true when it is done with. */
  private async playFault(
    fault: Exclude<SimulatorFault, ApplyThenFault>,
    response: ServerResponse,
  ): Promise<boolean> {
    switch (fault.type) {
      case 'errcode':
        sendJson(response, wechatReply(fault.errcode, fault.errmsg));
        return true;
      case 'delay':
        await this.sleep(fault.ms);
        return this.closing !== undefined;
      case 'hang':
        return true;
      case 'drop':
        response.socket?.destroy();
        return true;
      case 'html502':
        send(response, 502, 'text/html; charset=utf-8', HTML_502_BODY);
        return true;
    }
  }

  /** A timer that close() can cut short, so no delay outlives the server. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.sleepers.delete(timer);
        resolve();
      }, ms);
      this.sleepers.set(timer, resolve);
    });
  }

  private shutdown(): Promise<void> {
    for (const [timer, wake] of this.sleepers) {
      clearTimeout(timer);
      wake();
    }
    this.sleepers.clear();
    const closed = new Promise<void>((resolve) => {
      this.server.close(() => resolve());
    });
    for (const socket of this.sockets) socket.destroy();
    return closed;
  }
}

function isApplyThen(fault: SimulatorFault): fault is ApplyThenFault {
  return fault.type.startsWith('apply-then-');
}
